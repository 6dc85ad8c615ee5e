import { ApiError } from "../errors";
import { errorResponse } from "../http/body";
import { ulid } from "../ids";
import type { AppRuntime } from "../runtime/app-runtime";

/**
 * The answer to an error no handler caught (the handlers turn their own failures into the
 * envelope; this is for a bug in the serving around them): logged with a fresh request id, and
 * answered as the contract's 500 envelope, never with the error's text.
 */
export function unexpectedErrorResponse(runtime: AppRuntime, error: unknown): Response {
  const requestId = ulid();
  runtime.logger.error({ err: error, requestId }, "unhandled error serving an API request");
  const response = errorResponse(
    new ApiError("INTERNAL", "Something went wrong on our side. Quote the request id to support."),
    requestId,
  );
  response.headers.set("x-request-id", requestId);
  return response;
}
