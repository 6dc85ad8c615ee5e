import { createHash, timingSafeEqual } from "node:crypto";
import type { AppRuntime } from "../runtime/app-runtime";

/**
 * `GET /metrics`: the Prometheus exposition of this instance. With `STUDIO_METRICS_TOKEN` set
 * it asks for `Authorization: Bearer <token>` (401 otherwise); unset, it is open, for a scrape
 * on a private network. Like the probes it writes no request log and is never cached.
 */
export async function handleMetricsRequest(
  runtime: () => Promise<AppRuntime>,
  request: Request,
): Promise<Response> {
  const started = await runtime();
  const token = started.settings.metricsToken;
  if (token !== null && !bearerMatches(request.headers.get("authorization"), token)) {
    return new Response("metrics need the configured bearer token\n", {
      status: 401,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "www-authenticate": 'Bearer realm="metrics"',
        "cache-control": "no-store",
      },
    });
  }
  return new Response(await started.metrics.exposition(), {
    status: 200,
    headers: { "content-type": started.metrics.contentType, "cache-control": "no-store" },
  });
}

function bearerMatches(header: string | null, token: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim();
  if (!presented) return false;
  // Compared as digests: equal length whatever was sent, and in constant time.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
