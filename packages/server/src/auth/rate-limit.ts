import { ApiError } from "../errors";

/**
 * Per-credential token buckets, in this process: each credential may make `requests` calls per
 * `windowMs`, refilled continuously, with bursts up to `requests`. Past it the answer is 429 with
 * `Retry-After` (whole seconds until one request is allowed again).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one request from `key`'s bucket; throws RATE_LIMITED when it is empty. */
  take(key: string, limit: { requests: number; windowMs: number } | null): void {
    if (!limit) return;
    const now = this.now();
    const perMs = limit.requests / limit.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: limit.requests, at: now };
    const tokens = Math.min(limit.requests, bucket.tokens + (now - bucket.at) * perMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      throw new ApiError(
        "RATE_LIMITED",
        `Too many requests for this credential: at most ${limit.requests} per ${limit.windowMs / 1000} s. Retry after ${retryAfter} s.`,
        undefined,
        { "retry-after": String(retryAfter) },
      );
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 100_000) this.forgetFullBuckets(limit, now);
  }

  /** Buckets that have refilled completely carry no state worth keeping. */
  private forgetFullBuckets(limit: { requests: number; windowMs: number }, now: number) {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at >= limit.windowMs) this.buckets.delete(key);
    }
  }
}
