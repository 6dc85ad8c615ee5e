import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  const limit = { requests: 3, windowMs: 60_000 };

  function refusal(run: () => void): ApiError {
    try {
      run();
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error("expected RATE_LIMITED");
  }

  it("allows a burst up to the limit, then refuses with Retry-After until a token refills", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 3; i += 1) limiter.take("a", limit);
    const error = refusal(() => limiter.take("a", limit));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.status).toBe(429);
    // One request per 20 s refills.
    expect(error.headers?.["retry-after"]).toBe("20");
    now = 19_000;
    expect(refusal(() => limiter.take("a", limit)).headers?.["retry-after"]).toBe("1");
    now = 20_000;
    expect(() => limiter.take("a", limit)).not.toThrow();
  });

  it("keeps credentials apart and does nothing without a limit", () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 3; i += 1) limiter.take("a", limit);
    expect(() => limiter.take("b", limit)).not.toThrow();
    for (let i = 0; i < 100; i += 1) limiter.take("a", null);
  });
});
