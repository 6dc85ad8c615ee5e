import { ulid } from "ulid";
import { authenticateRequest } from "../auth/authenticate-request";
import type { Caller } from "../auth/caller";
import { authenticateSession, carriesOnlySession } from "../auth/session";
import type { AppRuntime } from "../runtime/app-runtime";

export interface TrpcContext {
  runtime: AppRuntime;
  /** The HTTP request's id (echoed as X-Request-Id). */
  requestId: string;
  headers: Headers;
  /** One request id per procedure call: the first call of a request uses the HTTP id. */
  nextCallRequestId(): string;
  authenticate(): Promise<Caller>;
}

/**
 * Builds a context from plain values, with no HTTP request needed: the fetch adapter wraps
 * it, and tests and internal tools call procedures through `appRouter.createCaller`.
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
    authenticate() {
      // The Studio's session cookie when no API credential is sent; an API key always wins.
      caller ??= carriesOnlySession(headers)
        ? authenticateSession(runtime.db, headers.get("cookie")).then(async (session) => {
            // Each stylist has their own bucket, like each API key.
            await runtime.rateLimiter.take(`session:${session.userId}`, runtime.settings.rateLimit);
            return session;
          })
        : authenticateRequest(runtime, headers);
      return caller;
    },
  };
}
