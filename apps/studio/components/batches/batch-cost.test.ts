import { MAX_BATCH_ITEMS } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { batchCost, MAX_BATCH_ROWS } from "./batch-cost";

describe("batchCost", () => {
  it("prices every row and leaves the balance after it", () => {
    expect(batchCost({ rowCount: 50, badRows: 0, price: 5, balance: 1000 })).toEqual({
      total: 250,
      after: 750,
      shortfall: 0,
      tooMany: false,
      blocked: false,
    });
  });

  it("refuses a batch the balance does not cover, with the shortfall", () => {
    const cost = batchCost({ rowCount: 50, badRows: 0, price: 5, balance: 240 });
    expect(cost).toMatchObject({ after: -10, shortfall: 10, blocked: true });
  });

  it("allows a batch that spends the balance exactly", () => {
    expect(batchCost({ rowCount: 2, badRows: 0, price: 5, balance: 10 }).blocked).toBe(false);
  });

  it.each([
    ["a row still bad", { rowCount: 3, badRows: 1, price: 5, balance: 100 }],
    ["no rows", { rowCount: 0, badRows: 0, price: 5, balance: 100 }],
    ["the price not loaded", { rowCount: 3, badRows: 0, price: undefined, balance: 100 }],
    ["the balance not loaded", { rowCount: 3, badRows: 0, price: 5, balance: undefined }],
    ["more rows than a batch takes", { rowCount: 1001, badRows: 0, price: 0, balance: 100 }],
  ])("refuses with %s", (_reason, input) => {
    expect(batchCost(input).blocked).toBe(true);
  });

  it("knows the API's row cap", () => {
    expect(MAX_BATCH_ROWS).toBe(MAX_BATCH_ITEMS);
  });
});
