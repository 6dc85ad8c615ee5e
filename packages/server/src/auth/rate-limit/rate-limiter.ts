import { ApiError } from "../../errors";
import type { RateLimit } from "./gcra";
import { MemoryRateLimitStore } from "./memory-store";
import type { RateLimitStore } from "./rate-limit-store";

/**
 * Per-credential limits: each key may make `requests` calls per `windowMs`, with bursts up to
 * `requests`. Past it the answer is 429 RATE_LIMITED with `Retry-After` (whole seconds until one
 * request fits again). The state lives in a store, shared by every instance when it is
 * PostgreSQL or Redis.
 */
export class RateLimiter {
  constructor(readonly store: RateLimitStore = new MemoryRateLimitStore()) {}

  /** Takes one request from `key`'s allowance; throws RATE_LIMITED when there is none. */
  async take(key: string, limit: RateLimit | null): Promise<void> {
    if (!limit) return;
    const decision = await this.store.take(key, limit);
    if (decision.allowed) return;
    const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new ApiError(
      "RATE_LIMITED",
      `Too many requests for this credential: at most ${limit.requests} per ${limit.windowMs / 1000} s. Retry after ${retryAfter} s.`,
      undefined,
      { "retry-after": String(retryAfter) },
    );
  }

  async close() {
    await this.store.close?.();
  }
}
