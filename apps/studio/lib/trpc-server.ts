import {
  appRouter,
  createCaller,
  createContextInner,
  isEdgeError,
  type AppRouter,
  type TrpcContext,
} from "@garment/server/trpc";
import { QueryClient } from "@tanstack/react-query";
import type { AnyProcedure } from "@trpc/server";
import { experimental_createServerActionHandler } from "@trpc/next/app-dir/server";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { runtime } from "./runtime";

/**
 * The Studio's server as a transport of its own: server actions and the pages' first render call
 * the very procedures /api/trpc serves, with the context /api/trpc builds (createContextInner),
 * so every call goes through the same edge: its own request id, the caller identified from the
 * session cookie (and the test-mode cookie) beside it, one rate-limit token, one request-log row,
 * the ApiError mapped to tRPC's error shape. Nothing here reaches a service directly.
 */
async function studioContext(): Promise<TrpcContext> {
  // The incoming request's headers: its cookies identify the stylist and their mode.
  return createContextInner(await runtime(), new Headers(await headers()));
}

/** One context and one query cache per server render (React's `cache` is per request). */
const renderContext = cache(studioContext);
const renderQueryClient = cache(
  () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }),
);

/**
 * Server components fetch a page's first data with `serverTrpc.x.y.prefetch(input)` and wrap the
 * client components in `<HydrateClient>`: their `trpc.x.y.useQuery(input)` starts with that data
 * (same query keys), so the HTML carries it and the browser does not ask again.
 */
export const { trpc: serverTrpc, HydrateClient } = createHydrationHelpers<AppRouter>(
  createCaller(renderContext),
  renderQueryClient,
);

/**
 * @trpc/next's server-action handler over a procedure of the app router: it builds the context
 * per call, runs the procedure as tRPC's fetch adapter would (input handed through raw, parsed by
 * the edge), and returns tRPC's response shape (`{ result: { data } }` or `{ error }` with the
 * API's code, request id and 422 detail in `error.data.api`) instead of throwing, so a form can
 * render the errors. Next's own errors (redirect, notFound) are rethrown. Next checks that an
 * action's Origin matches its host, which is the CSRF guard a cookie-authenticated POST needs.
 */
const actionHandler = experimental_createServerActionHandler(appRouter._def, {
  createContext: studioContext,
  // Forms hand their FormData to the app's action, which builds the operation's input itself.
  normalizeFormData: false,
  onError({ error }) {
    // The edge logs what fails inside an operation; this catches what fails around one.
    if (error.code === "INTERNAL_SERVER_ERROR" && !isEdgeError(error)) {
      void runtime().then((r) => r.logger.error({ err: error }, "unhandled server-action error"));
    }
  },
});

/** A procedure as a server action, counted in flight like every transport's requests. */
export function studioAction<Procedure extends AnyProcedure>(procedure: Procedure) {
  const action = actionHandler(procedure);
  return async (input: Parameters<typeof action>[0]) =>
    (await runtime()).lifecycle.track(() => action(input));
}
