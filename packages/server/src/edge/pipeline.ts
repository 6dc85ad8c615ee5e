import { enforceRateLimit } from "../auth/authenticate-request";
import type { Caller } from "../auth/caller";
import { ApiError } from "../errors";
import { annotateActiveSpan, contextFromHeaders, inSpan, SpanKind } from "../observability/tracing";
import type { RequestIdentity } from "../operations/define";
import type { AppRuntime } from "../runtime/app-runtime";

/** One request (one tRPC call) as it reaches the edge, whatever the transport. */
export interface EdgeRequest {
  runtime: AppRuntime;
  requestId: string;
  request: RequestIdentity;
  headers: Headers;
  /** Who is calling; the transport memoizes it per HTTP request (a tRPC batch identifies once). */
  identify: () => Promise<Caller>;
  /** The work is a dispatch (counted as accepted or refused); set by runOperation. */
  dispatches?: boolean;
}

/** Offered to the work done at the edge. */
export interface EdgeSession {
  /** Identifies the caller and takes one request from its rate-limit bucket (once per call). */
  authenticate(): Promise<Caller>;
}

/** How the work ended, for the request log. */
export interface Settled<T> {
  value: T;
  status: number;
  /** Negative = charged. Worked out by the operation from its outcome, never from a response shape. */
  creditsMoved: number;
  /** The work wrote the request-log row itself (a dispatch, in its one statement). */
  requestLogged: boolean;
}

/**
 * The edge every transport goes through: authentication and the rate limit on demand, any
 * failure turned into an ApiError (internal text never leaves; the error is logged with the
 * request id), and exactly one request-log row per request or tRPC call, written here unless
 * the work already wrote it. Transports render the value or the ApiError, nothing else.
 */
export function atTheEdge<T>(
  edge: EdgeRequest,
  work: (session: EdgeSession) => Promise<Settled<T>>,
): Promise<T> {
  // The request's span: the root of its trace, or a child of the caller's `traceparent`.
  const { transport, method, route } = edge.request;
  return inSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      parent: contextFromHeaders(edge.headers),
      attributes: {
        "http.request.method": method,
        "http.route": route,
        "garment.transport": transport,
        "garment.request_id": edge.requestId,
      },
    },
    () => settleAtTheEdge(edge, work),
  );
}

async function settleAtTheEdge<T>(
  edge: EdgeRequest,
  work: (session: EdgeSession) => Promise<Settled<T>>,
): Promise<T> {
  const { runtime } = edge;
  // Held in an object: TypeScript cannot see the closure below assign it.
  const auth: { caller: Caller | null; pending: Promise<Caller> | null } = {
    caller: null,
    pending: null,
  };
  const session: EdgeSession = {
    authenticate() {
      auth.pending ??= edge.identify().then(async (caller) => {
        auth.caller = caller; // logged with its client even when the rate limit refuses it
        await enforceRateLimit(runtime, caller);
        return caller;
      });
      return auth.pending;
    },
  };

  let settled: Settled<T> | null = null;
  let failure: ApiError | null = null;
  try {
    settled = await work(session);
  } catch (error) {
    failure = error instanceof ApiError ? error : internalError(runtime, error, edge.requestId);
  }

  const status = failure ? failure.status : (settled?.status ?? 200);
  const creditsMoved = failure ? 0 : (settled?.creditsMoved ?? 0);
  observe(edge, auth.caller, status, creditsMoved, failure?.code ?? null);
  annotateActiveSpan({
    "http.response.status_code": status,
    ...(auth.caller ? { "garment.client_id": auth.caller.clientId } : {}),
    ...(failure ? { "error.type": failure.code } : {}),
  });
  if (!settled?.requestLogged) {
    try {
      await runtime.requestLogs.write({
        requestId: edge.requestId,
        clientId: auth.caller?.clientId ?? null,
        apiKeyId: auth.caller?.apiKeyId ?? null,
        mode: auth.caller?.mode ?? null,
        transport: edge.request.transport,
        method: edge.request.method,
        path: edge.request.path,
        statusCode: status,
        latencyMs: Math.round(performance.now() - edge.request.startedAt),
        creditsMoved,
        errorCode: failure?.code ?? null,
      });
    } catch (error) {
      runtime.logger.error(
        { err: error, requestId: edge.requestId },
        "could not write the request log",
      );
    }
  }
  if (failure || !settled)
    throw failure ?? new Error("unreachable: the edge's work neither settled nor failed");
  return settled.value;
}

/**
 * The operator's view of the request, once, here, for every transport: counted, timed, and one
 * JSON log line (who called — the client, never the credential — what, how it ended).
 */
function observe(
  edge: EdgeRequest,
  caller: Caller | null,
  status: number,
  creditsMoved: number,
  errorCode: string | null,
): void {
  const { metrics, logger } = edge.runtime;
  const { transport, method, route, path, startedAt } = edge.request;
  const seconds = (performance.now() - startedAt) / 1000;
  metrics.requestHandled({ transport, method, route, status, seconds });
  logger.info(
    {
      requestId: edge.requestId,
      transport,
      method,
      route,
      path,
      clientId: caller?.clientId ?? null,
      mode: caller?.mode ?? null,
      status,
      durationMs: Math.round(seconds * 1000),
      creditsMoved,
      errorCode,
    },
    "request",
  );
  if (edge.dispatches) metrics.dispatchSettled({ route, status });
  if (creditsMoved < 0) metrics.creditsDebited(-creditsMoved);
}

function internalError(runtime: AppRuntime, error: unknown, requestId: string): ApiError {
  runtime.logger.error({ err: error, requestId }, "unhandled error at the edge");
  return new ApiError(
    "INTERNAL",
    "Something went wrong on our side. Quote the request id to support.",
  );
}
