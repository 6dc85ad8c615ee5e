import { describe, expect, it } from "vitest";
import type { ResolvedGarment } from "@garment/schemas";
import { HARMONY_SCHEMES } from "./color-harmony";
import { isCompatible } from "./compatibility";
import { complementDisplayName } from "./display-name";
import { IncompatibleCategoryError, UnknownCategoryError, UnrecognizedColorError } from "./errors";
import { planComplement } from "./plan-complement";
import { resolveProduct } from "./product-spec";
import { buildImagePrompt, describeComplement } from "./prompt";
import { categoryId, productSpec } from "./test/fixtures";

describe("resolveProduct", () => {
  it("resolves free text onto canonical keys", () => {
    const garment = resolveProduct(
      productSpec("shirt", {
        color: "Dusty Rose",
        material: "100% linen",
        pattern: "breton stripe",
        fit: "loose",
        length: "longline",
      }),
    );
    expect(garment).toMatchObject({
      categoryName: "Shirt",
      slot: "top",
      colorHex: "#c48b8b",
      colorName: "dusty rose",
      material: "linen",
      pattern: "stripes",
      fit: "loose",
      length: "tunic",
    });
    expect(garment.accentColorHex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("uses category defaults for unknown material, missing fit and length", () => {
    const garment = resolveProduct(
      productSpec("jeans", { material: "mystery cloth", fit: null, length: null }),
    );
    expect(garment).toMatchObject({
      material: "denim",
      fit: "regular",
      length: "full",
      accentColorHex: null,
    });
  });

  it("snaps a length onto one the category has", () => {
    expect(resolveProduct(productSpec("t-shirt", { length: "maxi" })).length).toBe("tunic");
    expect(resolveProduct(productSpec("sneakers", { length: "maxi" })).length).toBeNull();
  });

  it("throws typed errors for an unknown category or color", () => {
    expect(() => resolveProduct({ ...productSpec("shirt"), categoryId: "01NOPE" })).toThrow(
      UnknownCategoryError,
    );
    const error = (() => {
      try {
        resolveProduct(productSpec("shirt", { color: "example" }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnrecognizedColorError);
    expect(error).toMatchObject({ code: "UNRECOGNIZED_COLOR", field: "color" });
  });
});

describe("planComplement", () => {
  const spec = productSpec("blouse", {
    color: "navy",
    material: "silk",
    pattern: "polka dot",
    length: "cropped",
  });

  it("returns a complete plan with one rationale line per decision", () => {
    const plan = planComplement(spec, { seed: 7 });
    expect(HARMONY_SCHEMES).toContain(plan.harmony);
    expect(plan.rationale.map((l) => l.split(":")[0])).toEqual([
      "Category",
      "Color",
      "Material",
      "Pattern",
      "Fit",
      "Length",
      "Formality",
      "Season",
    ]);
    expect(plan.seed).toBe(7);
    expect(plan.visibleColors[0]).toBe(plan.product.colorHex);
    expect(plan.displayName).toBe(complementDisplayName(plan.complement));
  });

  it("accepts an already-resolved product and plans the same look", () => {
    const resolved = resolveProduct(spec);
    expect(planComplement(resolved, { seed: 11 })).toEqual(planComplement(spec, { seed: 11 }));
  });

  it("designs the requested target category", () => {
    const plan = planComplement(spec, { seed: 3, targetCategoryId: categoryId("cardigan") });
    expect(plan.complement.categoryName).toBe("Cardigan");
  });

  it("refuses an incompatible or unstylable target", () => {
    expect(() =>
      planComplement(spec, { seed: 1, targetCategoryId: categoryId("t-shirt") }),
    ).toThrow(IncompatibleCategoryError);
    const maxiDress = productSpec("dress", { length: "maxi" });
    expect(() =>
      planComplement(maxiDress, { seed: 1, targetCategoryId: categoryId("trench-coat") }),
    ).toThrow(IncompatibleCategoryError);
    expect(() => planComplement(spec, { seed: 1, targetCategoryId: "nope" })).toThrow(
      UnknownCategoryError,
    );
  });

  it("mentions the brand when one is given", () => {
    const plan = planComplement(spec, {
      seed: 2,
      brand: {
        publicId: "01KDVDQ3B0MN5JW2R8E6T4YH1Z",
        slug: "t",
        name: "Test Brand",
        description: "",
        palette: ["camel"],
        avoidColors: [],
        forbidColors: [],
        preferMaterials: [],
        avoidMaterials: [],
        forbidMaterials: [],
        preferPatterns: [],
        forbidPatterns: [],
        forbidPrints: true,
        preferFits: [],
      },
    });
    expect(plan.rationale.at(-1)).toMatch(/^Brand: styled to Test Brand's guide \(no prints\)/);
    expect(plan.brandSlug).toBe("t");
  });
});

describe("isCompatible", () => {
  it.each([
    ["t-shirt", "jeans", true],
    ["dress", "denim-jacket", true],
    ["blazer", "slip-dress", true],
    ["t-shirt", "hoodie", false],
    ["jumpsuit", "trousers", false],
    ["dress", "t-shirt", false],
    ["sneakers", "loafers", false],
  ])("%s with %s → %s", (a, b, ok) => {
    const verdict = isCompatible(categoryId(a), categoryId(b));
    expect(verdict.compatible).toBe(ok);
    expect(verdict.reason.length).toBeGreaterThan(5);
  });

  it("reports an unknown candidate and throws for an unknown product", () => {
    expect(isCompatible(categoryId("shirt"), "nope")).toEqual({
      compatible: false,
      reason: "unknown_category",
    });
    expect(() => isCompatible("nope", categoryId("shirt"))).toThrow(UnknownCategoryError);
  });
});

describe("display name, prompt and description", () => {
  const trousers: ResolvedGarment = {
    categoryId: categoryId("trousers"),
    categoryName: "Trousers",
    slot: "bottom",
    silhouette: "trousers",
    colorHex: "#b98a56",
    colorName: "camel",
    accentColorHex: null,
    pattern: "solid",
    material: "wool",
    fit: "regular",
    length: "full",
  };

  it.each([
    [trousers, "Camel Wool Straight Trousers"],
    [
      { ...trousers, fit: "loose", length: "cropped" } as const,
      "Camel Wool Cropped Wide-Leg Trousers",
    ],
    [
      {
        ...trousers,
        categoryId: categoryId("jeans"),
        categoryName: "Jeans",
        silhouette: "jeans",
        material: "denim",
        colorName: "indigo",
        fit: "slim",
      } as const,
      "Indigo Skinny Jeans",
    ],
    [
      {
        ...trousers,
        categoryId: categoryId("a-line-skirt"),
        categoryName: "A-line skirt",
        silhouette: "skirt_a_line",
        pattern: "polka_dot",
        accentColorHex: "#111111",
        length: "midi",
      } as const,
      "Camel Polka-Dot Wool Midi A-Line Skirt",
    ],
    [
      {
        ...trousers,
        categoryId: categoryId("leather-jacket"),
        categoryName: "Leather jacket",
        slot: "outerwear",
        silhouette: "leather_jacket",
        material: "leather",
        colorName: "black",
        fit: "slim",
        length: "waist",
      } as const,
      "Black Tailored Leather Jacket",
    ],
  ])("names %o as %s", (garment, name) => {
    expect(complementDisplayName(garment)).toBe(name);
  });

  it("builds a flat-lay prompt of the complement only", () => {
    const plan = planComplement(productSpec("t-shirt", { color: "white", fit: "loose" }), {
      seed: 4,
    });
    const prompt = buildImagePrompt(plan);
    expect(prompt).toMatch(/flat-lay/i);
    expect(prompt).toMatch(/no person/i);
    expect(prompt).toMatch(/light off-white background/i);
    expect(prompt).toContain(plan.complement.colorName);
    expect(prompt).toContain(plan.complement.colorHex);
    expect(prompt).toContain(`material: ${plan.complement.material}`);
    expect(prompt).toContain(
      plan.complement.pattern === "solid" ? "solid" : plan.complement.pattern.replace("_", " "),
    );
    expect(prompt).toContain(`${plan.complement.fit} fit`);
    if (plan.complement.length) expect(prompt).toContain(`${plan.complement.length} length`);
    expect(prompt).toContain("white");
  });

  it("describes the complement in one paragraph", () => {
    const plan = planComplement(
      productSpec("dress", { color: "rust", material: "linen", length: "maxi" }),
      { seed: 9 },
    );
    const text = describeComplement(plan);
    expect(text.startsWith(plan.displayName)).toBe(true);
    expect(text).not.toContain("\n");
    expect(text).toContain("rust");
  });
});
