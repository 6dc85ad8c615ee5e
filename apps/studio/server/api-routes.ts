import {
  handleHealthRequest,
  handleMetricsRequest,
  handleReadyRequest,
  handleV1Request,
} from "@garment/server/rest";
import { getAppRuntime, inngestServeHandler } from "@garment/server/runtime";
import { handleTrpcRequest } from "@garment/server/trpc";

export type FetchHandler = (request: Request) => Promise<Response> | Response;

/**
 * The machine-facing routes the front door serves itself, without Next's route layer: the same
 * handlers, on the same paths, as app/v1, app/api/* and app/metrics (which plain `next start`
 * serves; api-routes.test.ts keeps the two lists equal). Null: a Studio path, for Next.
 */
export function apiHandlerFor(pathname: string): FetchHandler | null {
  if (pathname.startsWith("/v1/")) return async (r) => handleV1Request(await getAppRuntime(), r);
  if (pathname.startsWith("/api/trpc/")) {
    return async (r) => handleTrpcRequest(await getAppRuntime(), r);
  }
  switch (pathname) {
    case "/api/inngest":
      return async (r) => inngestServeHandler(await getAppRuntime(), r);
    case "/api/health":
      return () => handleHealthRequest();
    case "/api/ready":
      return () => handleReadyRequest(getAppRuntime);
    case "/metrics":
      return (r) => handleMetricsRequest(getAppRuntime, r);
    default:
      return null;
  }
}
