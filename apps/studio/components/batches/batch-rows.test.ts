import * as schemas from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { checkRow, resolveCategory } from "./batch-rows";
import { batchKeyOf } from "./batch-key";
import type { RowValues } from "./column-mapping";

const CATEGORIES = [
  { public_id: "01KDVDNA00ZKRRMS30Q0DXB47N", slug: "t-shirt", name: "T-shirt" },
  { public_id: "01KDVDNA01698PWX8AXW3S5SZJ", slug: "shirt", name: "Shirt" },
  { public_id: "01KDVDNA089M9PBME94MVJMQP8", slug: "jeans", name: "Jeans" },
  { public_id: "01KDVDNA0WOOLCOAT000000000", slug: "wool-coat", name: "Wool coat" },
];

const row = (overrides: Partial<RowValues> = {}): RowValues => ({
  sku: "SKU-1",
  display_name: "",
  category: "Shirt",
  color: "navy",
  material: "linen",
  pattern: "solid",
  fit: "",
  length: "",
  ...overrides,
});

describe("resolveCategory", () => {
  it.each([
    ["shirt", "shirt"],
    ["Shirts", "shirt"],
    ["T-Shirts", "t-shirt"],
    ["JEANS", "jeans"],
    ["wool coats", "wool-coat"],
    ["01KDVDNA01698PWX8AXW3S5SZJ", "shirt"],
  ])("finds %j", (text, slug) => {
    expect(resolveCategory(text, CATEGORIES)?.slug).toBe(slug);
  });

  it.each(["", "Spacesuit"])("finds nothing for %j", (text) => {
    expect(resolveCategory(text, CATEGORIES)).toBeUndefined();
  });
});

describe("checkRow", () => {
  it("accepts a complete row as the API's batch item", () => {
    expect(checkRow(row({ fit: "Slim fit", length: " hip " }), CATEGORIES, schemas)).toEqual({
      ok: true,
      item: {
        sku: "SKU-1",
        display_name: "",
        garment_category_public_id: "01KDVDNA01698PWX8AXW3S5SZJ",
        color: "navy",
        material: "linen",
        pattern: "solid",
        fit: "slim",
        length: "hip",
      },
    });
  });

  it("names every bad cell of a row at once", () => {
    const check = checkRow(
      row({ category: "Spacesuit", material: " ", fit: "baggy" }),
      CATEGORIES,
      schemas,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.category).toBe("Unknown category “Spacesuit”.");
    expect(check.errors.material).toBe("Enter a material.");
    expect(check.errors.fit).toMatch(/slim.*regular.*loose/);
    expect(check.errors.color).toBeUndefined();
  });

  it("refuses what the API's schema refuses: a sku over 100 characters", () => {
    const check = checkRow(row({ sku: "x".repeat(101) }), CATEGORIES, schemas);
    expect(check.ok ? null : check.errors.sku).toMatch(/at most 100/);
  });
});

describe("batchKeyOf", () => {
  const item = (color: string) => {
    const check = checkRow(row({ color }), CATEGORIES, schemas);
    if (!check.ok) throw new Error("bad fixture");
    return check.item;
  };

  it("is the same for the same rows, even typed with other spacing", async () => {
    expect(await batchKeyOf([item("navy"), item("ecru")])).toBe(
      await batchKeyOf([item(" navy "), item("ecru")]),
    );
  });

  it("changes with any cell and with the rows' order", async () => {
    const key = await batchKeyOf([item("navy"), item("ecru")]);
    expect(await batchKeyOf([item("navy"), item("camel")])).not.toBe(key);
    expect(await batchKeyOf([item("ecru"), item("navy")])).not.toBe(key);
    expect(key).toMatch(/^studio-batch:[0-9a-f]{64}$/);
  });
});
