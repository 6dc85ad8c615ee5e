import {
  createCaller,
  createContextInner,
  type AppRouter,
  type TrpcContext,
} from "@garment/server/trpc";
import { QueryClient } from "@tanstack/react-query";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { procedureActions } from "./procedure-action";
import { runtime } from "./runtime";

/**
 * The Studio's server as a transport of its own: server actions and the pages' first render call
 * the very procedures /api/trpc serves, with the context /api/trpc builds (createContextInner),
 * so every call goes through the same edge: its own request id, the caller identified from the
 * session cookie (and the test-mode cookie) beside it, one rate-limit token, one request-log row,
 * the ApiError mapped to tRPC's error shape. Nothing here reaches a service directly.
 */
async function studioContext(): Promise<TrpcContext> {
  const requestHeaders = new Headers(await headers());
  // The cookies as this request now holds them, not as it came in: an action that has just
  // switched the mode (or signed out) renders the pages again in the same request, and their
  // data must be the new mode's.
  requestHeaders.set("cookie", (await cookies()).toString());
  return createContextInner(await runtime(), requestHeaders);
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
 * A procedure as a server action (lib/procedure-action.ts). Next checks that an action's Origin
 * matches its host: the CSRF guard a cookie-authenticated POST needs.
 */
export const studioAction = procedureActions(runtime, studioContext);
