import type { AppRouter, RouterOutputs } from "@garment/server/trpc";
import { createTRPCReact, type TRPCClientErrorLike } from "@trpc/react-query";

export { fieldErrorsOf } from "./field-errors";

/** End-to-end typed hooks over /api/trpc (types only are imported from the server). */
export const trpc = createTRPCReact<AppRouter>();

export type Outputs = RouterOutputs;
export type TrpcError = TRPCClientErrorLike<AppRouter>;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
