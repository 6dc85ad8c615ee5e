import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import type * as errorsModule from "./errors";

describe("ApiError", () => {
  it("is recognised across copies of its module (Next bundles the runtime and the routes apart)", async () => {
    // A second instance of errors.ts, as the production build's instrumentation graph has.
    const secondCopy = "./errors?second-copy";
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof errorsModule;
    expect(copy.ApiError).not.toBe(ApiError);
    const fromCopy = new copy.ApiError("RATE_LIMITED", "slow down", undefined, {
      "retry-after": "1",
    });
    expect(fromCopy instanceof ApiError).toBe(true);
    expect(new ApiError("RATE_LIMITED", "slow down") instanceof copy.ApiError).toBe(true);
    expect(fromCopy.status).toBe(429);
  });

  it("is not claimed by other errors", () => {
    expect(new Error("x") instanceof ApiError).toBe(false);
    expect((null as unknown) instanceof ApiError).toBe(false);
    expect({ code: "RATE_LIMITED" } instanceof ApiError).toBe(false);
  });
});
