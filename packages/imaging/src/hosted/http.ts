import { ImageModelError, type ImageModelErrorCode } from "../errors";

export type HostedConfig = {
  /** The model is listed but unavailable until a key is configured. */
  apiKey?: string | null;
  baseUrl?: string;
  /** Upstream model name (e.g. gpt-image-1). */
  model?: string;
  /** Whole-render budget, including polling. */
  timeoutMs?: number;
  /** Injected for tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
};

/** One deadline for the whole render, also honouring the caller's signal. */
export function renderSignal(timeoutMs: number, outer?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return outer ? AbortSignal.any([timeout, outer]) : timeout;
}

const CONTENT_POLICY = /content[_ ]policy|moderation|safety|nsfw|blocked|prohibited/i;

/** Map an upstream HTTP failure onto our codes: 429/5xx retry, 4xx do not. */
export function httpError(
  modelId: string,
  status: number,
  body: string,
  retryAfter: string | null,
): ImageModelError {
  const snippet = body.slice(0, 300);
  let code: ImageModelErrorCode;
  if (status === 429) code = "rate_limited";
  else if (status === 408) code = "timeout";
  else if (status >= 500) code = "server_error";
  else if (status === 401 || status === 403) code = "unauthorized";
  else if (CONTENT_POLICY.test(body)) code = "content_refused";
  else code = "bad_request";
  const seconds = retryAfter !== null ? Number(retryAfter) : NaN;
  return new ImageModelError(code, `${modelId} answered ${status}: ${snippet}`, {
    modelId,
    status,
    ...(Number.isFinite(seconds) ? { retryAfterSeconds: seconds } : {}),
  });
}

/** Turn fetch/abort failures into typed errors (a deadline is a timeout, anything else the network). */
export function transportError(modelId: string, error: unknown): ImageModelError {
  if (error instanceof ImageModelError) return error;
  const name = error instanceof Error ? error.name : "";
  const timedOut = name === "TimeoutError";
  return new ImageModelError(
    timedOut ? "timeout" : "network",
    `${modelId}: ${timedOut ? "timed out" : `request failed (${error instanceof Error ? error.message : String(error)})`}`,
    { modelId, cause: error },
  );
}

export function malformed(modelId: string, what: string): ImageModelError {
  // An answer we cannot read is the upstream's fault and often transient: worth a retry.
  return new ImageModelError("server_error", `${modelId}: malformed response (${what})`, {
    modelId,
  });
}

/** fetch + status check + JSON parse, every failure typed. */
export async function requestJson(
  modelId: string,
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, init);
    text = await response.text();
  } catch (error) {
    throw transportError(modelId, error);
  }
  if (!response.ok)
    throw httpError(modelId, response.status, text, response.headers.get("retry-after"));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(modelId, "body is not JSON");
  }
}

export async function requestBytes(
  modelId: string,
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Uint8Array> {
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    response = await fetchImpl(url, init);
    bytes = await response.arrayBuffer();
  } catch (error) {
    throw transportError(modelId, error);
  }
  if (!response.ok)
    throw httpError(
      modelId,
      response.status,
      Buffer.from(bytes).toString("utf8"),
      response.headers.get("retry-after"),
    );
  return new Uint8Array(bytes);
}

/** Small safe accessors for untyped JSON. */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
