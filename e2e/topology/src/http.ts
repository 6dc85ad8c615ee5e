import type { Instance } from "./cluster";

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  /** Milliseconds from the request to the whole answer. */
  ms: number;
}

/** A request that got no HTTP answer (refused, reset, timed out): its outcome is unknown. */
export class NoAnswer extends Error {}

export interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One JSON call to one instance, as any REST client makes it. */
export async function call(
  instance: Instance,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  let text: string;
  try {
    response = await fetch(instance.url + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    text = await response.text();
  } catch (error) {
    throw new NoAnswer(`${method} ${instance.name}${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let body: unknown = text;
  if (response.headers.get("content-type")?.includes("json")) body = JSON.parse(text);
  return {
    status: response.status,
    headers: response.headers,
    body,
    ms: performance.now() - started,
  };
}

/** The seconds a 429 or 503 asks us to wait (capped, so a test never sleeps long). */
export function retryAfterMs(answer: Answer, capMs = 10_000): number {
  const seconds = Number(answer.headers.get("retry-after") ?? "1");
  return Math.min(capMs, Math.max(100, (Number.isFinite(seconds) ? seconds : 1) * 1000));
}
