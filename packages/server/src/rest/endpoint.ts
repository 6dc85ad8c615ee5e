import { ulid } from "ulid";
import { enforceRateLimit, identifyCaller } from "../auth/authenticate-request";
import type { Caller } from "../auth/caller";
import { ApiError } from "../errors";
import type { AppRuntime } from "../runtime/app-runtime";
import { writeRequestLog } from "../services/request-log";
import { errorResponse, json, parseJsonBody, readBodyText } from "./http";

export interface RestCall {
  runtime: AppRuntime;
  readonly request: Request;
  requestId: string;
  url: URL;
  params: Record<string, string>;
  /** Authenticates the caller (once: Bearer key or Shopify HMAC, then the rate limit). */
  authenticate(): Promise<Caller>;
  /** The raw body (once; capped at the configured size, 413 past it). */
  rawBody(): Promise<string>;
  /** The body parsed as JSON, FastAPI-style 422s for a missing or malformed body. */
  readJson(): Promise<unknown>;
  /** Credits this request moved (negative = charged), for the request log. */
  creditsMoved: number;
}

export type RestHandler = (call: RestCall) => Promise<Response>;

/** What one route accepts at the edge. */
export interface RouteOptions {
  /** Shopify-signed requests authenticate here (the dispatch POST only). */
  acceptsShopifySignature?: boolean;
}

/**
 * The REST edge in one place: a request id, authentication on demand, errors mapped to the
 * envelope (never a stack trace), one request_logs row per request and `X-Request-Id`.
 */
export async function runRestHandler(
  runtime: AppRuntime,
  request: Request,
  params: Record<string, string>,
  handler: RestHandler,
  options: RouteOptions = {},
): Promise<Response> {
  const startedAt = performance.now();
  const requestId = ulid();
  const url = new URL(request.url);
  // Held in an object: TypeScript cannot see the closures below assign it.
  const auth: { caller: Caller | null; pending: Promise<Caller> | null } = {
    caller: null,
    pending: null,
  };
  let body: Promise<string> | null = null;
  const call: RestCall = {
    runtime,
    request,
    requestId,
    url,
    params,
    creditsMoved: 0,
    rawBody() {
      // The body stream can be read once: handlers get it through here, never `call.request`.
      body ??= readBodyText(request, runtime.settings.maxBodyBytes);
      return body;
    },
    async readJson() {
      return parseJsonBody(await call.rawBody());
    },
    async authenticate() {
      auth.pending ??= (async () => {
        const caller = await identifyCaller(
          runtime,
          request.headers,
          options.acceptsShopifySignature ? { shopifyBody: () => call.rawBody() } : {},
        );
        auth.caller = caller; // logged with its client even when the rate limit refuses it
        await enforceRateLimit(runtime, caller);
        return caller;
      })();
      return auth.pending;
    },
  };

  let response: Response;
  let errorCode: string | null = null;
  try {
    response = await handler(call);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalError(runtime, error, requestId);
    errorCode = apiError.code;
    call.creditsMoved = 0;
    response = errorResponse(apiError, requestId);
  }
  response.headers.set("x-request-id", requestId);

  try {
    await writeRequestLog(runtime.db, {
      requestId,
      clientId: auth.caller?.clientId ?? null,
      apiKeyId: auth.caller?.apiKeyId ?? null,
      mode: auth.caller?.mode ?? null,
      transport: "rest",
      method: request.method,
      path: url.pathname,
      statusCode: response.status,
      latencyMs: Math.round(performance.now() - startedAt),
      creditsMoved: call.creditsMoved,
      errorCode,
    });
  } catch (error) {
    runtime.logger.error({ err: error, requestId }, "could not write the request log");
  }
  return response;
}

function internalError(runtime: AppRuntime, error: unknown, requestId: string): ApiError {
  runtime.logger.error({ err: error, requestId }, "unhandled error in a REST handler");
  return new ApiError(
    "INTERNAL",
    "Something went wrong on our side. Quote the request id to support.",
  );
}

export { json };
