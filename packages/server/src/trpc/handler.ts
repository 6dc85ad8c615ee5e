import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { ulid } from "../ids";
import { ApiError } from "../errors";
import { errorResponse, readBodyText } from "../http/body";
import type { AppRuntime } from "../runtime/app-runtime";
import { createContextInner } from "./context";
import { isEdgeError } from "./init";
import { appRouter } from "./root";
import { bodyLimit } from "./body-limit";

/** Serves tRPC over fetch Request/Response (mounted by the Next.js route at /api/trpc). */
export function handleTrpcRequest(
  runtime: AppRuntime,
  request: Request,
  endpoint = "/api/trpc",
): Promise<Response> {
  // Counted, so a graceful shutdown waits for it.
  return runtime.lifecycle.track(() => serveTrpcRequest(runtime, request, endpoint));
}

async function serveTrpcRequest(
  runtime: AppRuntime,
  request: Request,
  endpoint: string,
): Promise<Response> {
  const requestId = ulid();
  let req = request;
  if (request.body) {
    // The same body cap as REST (413 past it), before tRPC reads anything.
    try {
      const text = await readBodyText(request, bodyLimit(runtime, request.url, endpoint));
      req = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: text,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const response = errorResponse(error, requestId);
      response.headers.set("x-request-id", requestId);
      return response;
    }
  }
  const response = await fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: () => createContextInner(runtime, request.headers, requestId),
    onError({ error, path }) {
      // The edge logs what fails inside an operation; this catches what fails around one.
      if (getHTTPStatusCodeFromError(error) >= 500 && !isEdgeError(error)) {
        runtime.logger.error({ err: error, requestId, path }, "unhandled tRPC error");
      }
    },
  });
  response.headers.set("x-request-id", requestId);
  return response;
}
