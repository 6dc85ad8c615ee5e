import { decodeTime, isValid } from "ulid";
import { describe, expect, it } from "vitest";
import { ulid } from "./ids";

describe("ulid from the pooled randomness", () => {
  it("makes valid, distinct ULIDs stamped with the current time, across pool refills", () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => ulid()); // ~20 refills of the pool
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isValid(id)).toBe(true);
      expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
      expect(decodeTime(id)).toBeLessThanOrEqual(after);
    }
  });

  it("spreads the random part over the whole alphabet", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3200; i++) {
      const char = ulid().charAt(25);
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    // 32 symbols, ~100 draws each: every one appears, none dominates.
    expect(counts.size).toBe(32);
    expect(Math.max(...counts.values())).toBeLessThan(200);
  });
});
