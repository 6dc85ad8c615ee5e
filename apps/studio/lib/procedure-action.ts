import { appRouter, isEdgeError, type TrpcContext } from "@garment/server/trpc";
import type { AppRuntime } from "@garment/server/runtime";
import type { AnyProcedure } from "@trpc/server";
import { experimental_createServerActionHandler } from "@trpc/next/app-dir/server";

/**
 * Procedures of the app router as server actions, through @trpc/next's action handler: it builds
 * the context per call, runs the procedure as tRPC's fetch adapter would (input handed through
 * raw, parsed by the edge), and returns tRPC's response shape (`{ result: { data } }`, or
 * `{ error }` with the API's code, request id and 422 detail in `error.data.api`) instead of
 * throwing, so a form can render the errors. Next's own errors (redirect, notFound) pass through.
 * Each call is counted in flight, as every transport's requests are, for a graceful shutdown.
 */
export function procedureActions(
  runtime: () => Promise<AppRuntime>,
  createContext: () => Promise<TrpcContext>,
) {
  const handler = experimental_createServerActionHandler(appRouter._def, {
    createContext,
    // Forms hand their FormData to the app's action, which builds the operation's input itself.
    normalizeFormData: false,
    onError({ error }) {
      // The edge logs what fails inside an operation; this catches what fails around one.
      if (error.code === "INTERNAL_SERVER_ERROR" && !isEdgeError(error)) {
        void runtime().then((r) => r.logger.error({ err: error }, "unhandled server-action error"));
      }
    },
  });
  return function procedureAction<Procedure extends AnyProcedure>(procedure: Procedure) {
    const action = handler(procedure);
    return async (input: Parameters<typeof action>[0]) =>
      (await runtime()).lifecycle.track(() => action(input));
  };
}
