import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { MemoryRateLimitStore } from "./memory-store";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter (in-process store)", () => {
  const limit = { requests: 3, windowMs: 60_000 };

  async function refusal(run: () => Promise<void>): Promise<ApiError> {
    try {
      await run();
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error("expected RATE_LIMITED");
  }

  it("allows a burst up to the limit, then refuses with Retry-After until a request fits", async () => {
    let now = 0;
    const limiter = new RateLimiter(new MemoryRateLimitStore(() => now));
    for (let i = 0; i < 3; i += 1) await limiter.take("a", limit);
    const error = await refusal(() => limiter.take("a", limit));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.status).toBe(429);
    // One request per 20 s refills.
    expect(error.headers?.["retry-after"]).toBe("20");
    now = 19_000;
    expect((await refusal(() => limiter.take("a", limit))).headers?.["retry-after"]).toBe("1");
    now = 20_000;
    await expect(limiter.take("a", limit)).resolves.toBeUndefined();
  });

  it("keeps credentials apart and does nothing without a limit", async () => {
    const limiter = new RateLimiter(new MemoryRateLimitStore(() => 0));
    for (let i = 0; i < 3; i += 1) await limiter.take("a", limit);
    await expect(limiter.take("b", limit)).resolves.toBeUndefined();
    for (let i = 0; i < 100; i += 1) await limiter.take("a", null);
  });
});
