import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { checkIdempotencyKey, IDEMPOTENCY_KEY_MAX_LENGTH } from "./idempotency";
import { BATCH_KEY_MAX_LENGTH } from "../batches/dispatch-batch";

function refusal(key: string, maxLength?: number): ApiError {
  try {
    checkIdempotencyKey(key, maxLength);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`a key of ${key.length} characters was accepted`);
}

describe("checkIdempotencyKey", () => {
  it("passes no key through as null and a key within the limit as itself", () => {
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey(null)).toBeNull();
    const longest = "k".repeat(IDEMPOTENCY_KEY_MAX_LENGTH);
    expect(checkIdempotencyKey(longest)).toBe(longest);
  });

  it("refuses an empty or too long key with a 422 naming the header and the limit", () => {
    for (const key of ["", "k".repeat(IDEMPOTENCY_KEY_MAX_LENGTH + 1)]) {
      const error = refusal(key);
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.detail?.[0]?.loc).toEqual(["header", "Idempotency-Key"]);
      expect(error.detail?.[0]?.msg).toContain(String(IDEMPOTENCY_KEY_MAX_LENGTH));
    }
  });

  it("holds a batch's key to the batch's shorter limit", () => {
    const longest = "k".repeat(BATCH_KEY_MAX_LENGTH);
    expect(checkIdempotencyKey(longest, BATCH_KEY_MAX_LENGTH)).toBe(longest);
    expect(refusal(`${longest}k`, BATCH_KEY_MAX_LENGTH).detail?.[0]?.msg).toContain(
      String(BATCH_KEY_MAX_LENGTH),
    );
  });
});
