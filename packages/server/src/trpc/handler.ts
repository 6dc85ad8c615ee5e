import { MAX_TRPC_BATCH_CALLS } from "@garment/schemas";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { ulid } from "../ids";
import { ApiError } from "../errors";
import { errorResponse, readBodyText } from "../http/body";
import type { AppRuntime } from "../runtime/app-runtime";
import { createContextInner } from "./context";
import { isEdgeError } from "./init";
import { appRouter } from "./root";
import { bodyLimit, procedureNames } from "./body-limit";

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
  const procedures = procedureNames(request.url, endpoint);
  const calls = procedures.length;
  if (calls > MAX_TRPC_BATCH_CALLS) {
    // Before anything runs or reads the body: each call would take its own rate-limit token,
    // but an unbounded batch still makes one HTTP request fan out without limit.
    return refusal(
      new ApiError(
        "PAYLOAD_TOO_LARGE",
        `A tRPC batch may carry at most ${MAX_TRPC_BATCH_CALLS} calls; this one has ${calls}.`,
      ),
      requestId,
    );
  }
  let req = request;
  if (request.body) {
    // The same body cap as REST (413 past it), before tRPC reads anything.
    try {
      const text = await readBodyText(request, bodyLimit(runtime, procedures));
      req = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: text,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return refusal(error, requestId);
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

/** A refusal before tRPC reads the request, in the API's envelope. */
function refusal(error: ApiError, requestId: string): Response {
  const response = errorResponse(error, requestId);
  response.headers.set("x-request-id", requestId);
  return response;
}
