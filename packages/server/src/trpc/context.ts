import { ulid } from "../ids";
import type { Caller } from "../auth/caller";
import { identifyCaller } from "../edge/identify";
import type { AppRuntime } from "../runtime/app-runtime";

export interface TrpcContext {
  runtime: AppRuntime;
  /** The HTTP request's id (echoed as X-Request-Id). */
  requestId: string;
  headers: Headers;
  /** One request id per procedure call: the first call of a request uses the HTTP id. */
  nextCallRequestId(): string;
  /** Who is calling, identified once per HTTP request (each call still takes its own rate-limit token). */
  identify: () => Promise<Caller>;
}

/**
 * Builds a context from plain values, with no HTTP request needed: the fetch adapter wraps
 * it, and tests, internal tools and the Studio's server-side calls use `createCaller`.
 */
export function createContextInner(
  runtime: AppRuntime,
  headers: Headers,
  requestId: string = ulid(),
): TrpcContext {
  let caller: Promise<Caller> | undefined;
  let firstCall = true;
  return {
    runtime,
    requestId,
    headers,
    nextCallRequestId() {
      if (firstCall) {
        firstCall = false;
        return requestId;
      }
      return ulid();
    },
    identify: () => {
      // The Studio's session cookie when no API credential is sent; an API key always wins.
      caller ??= identifyCaller(runtime, headers, { acceptsSession: true });
      return caller;
    },
  };
}
