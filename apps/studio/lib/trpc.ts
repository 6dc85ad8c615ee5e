import type { AppRouter, RouterOutputs } from "@garment/server/trpc";
import { createTRPCReact, type TRPCClientErrorLike } from "@trpc/react-query";

/** End-to-end typed hooks over /api/trpc (types only are imported from the server). */
export const trpc = createTRPCReact<AppRouter>();

export type Outputs = RouterOutputs;
export type TrpcError = TRPCClientErrorLike<AppRouter>;

/** Field errors from a tRPC error's API detail (422): `loc: ["body", field, …]` → field → message. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const detail = (
    error as { data?: { api?: { detail?: { loc: (string | number)[]; msg: string }[] } } }
  )?.data?.api?.detail;
  const fields: Record<string, string> = {};
  for (const item of detail ?? []) {
    const field = item.loc[0] === "body" ? item.loc[1] : item.loc[0];
    if (typeof field === "string" && !fields[field]) fields[field] = item.msg;
  }
  return fields;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
