import {
  handleHealthRequest,
  handleMetricsRequest,
  handleReadyRequest,
  handleV1Request,
} from "@garment/server/rest";
import { getAppRuntime, inngestServeHandler } from "@garment/server/runtime";
import { handleTrpcRequest } from "@garment/server/trpc";

export type FetchHandler = (request: Request) => Promise<Response> | Response;

export interface ApiRoute {
  /** The methods its app/** route file exports (HEAD goes where GET does, as in Next). */
  methods: readonly string[];
  handle: FetchHandler;
}

const v1: ApiRoute = {
  methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
  handle: async (request) => handleV1Request(await getAppRuntime(), request),
};
const trpc: ApiRoute = {
  methods: ["GET", "POST"],
  handle: async (request) => handleTrpcRequest(await getAppRuntime(), request),
};
/** Exact paths, with the methods their app/** route file exports. */
const EXACT: Readonly<Record<string, ApiRoute>> = {
  "/api/inngest": {
    methods: ["GET", "POST", "PUT"],
    handle: async (request) => inngestServeHandler(await getAppRuntime(), request),
  },
  "/api/health": { methods: ["GET"], handle: () => handleHealthRequest() },
  "/api/ready": { methods: ["GET"], handle: () => handleReadyRequest(getAppRuntime) },
  "/metrics": {
    methods: ["GET"],
    handle: (request) => handleMetricsRequest(getAppRuntime, request),
  },
};

/**
 * The machine-facing routes the front door serves itself, without Next's route layer: the same
 * handlers, on the same paths, as app/v1, app/api/* and app/metrics (which plain `next start`
 * and `next dev` serve; api-routes.test.ts keeps the two lists equal). Null: a Studio path.
 */
export function apiRouteFor(pathname: string): ApiRoute | null {
  if (pathname.startsWith("/v1/")) return v1;
  if (pathname.startsWith("/api/trpc/")) return trpc;
  return Object.hasOwn(EXACT, pathname) ? (EXACT[pathname] ?? null) : null;
}

/** Answers a path no route claims with the API's own 404 envelope (request id, log row). */
export const apiNotFound: FetchHandler = v1.handle;
