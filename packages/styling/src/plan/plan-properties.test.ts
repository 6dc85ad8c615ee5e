import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Fit, MaterialKey, PatternKey, LengthKey, ResolvedGarment } from "@garment/schemas";
import { PILOT_BRANDS } from "../brands/pilot-brands";
import { FASHION_COLORS } from "../color/fashion-colors";
import { COMPATIBLE_SLOTS, GARMENT_CATEGORIES } from "../taxonomy/categories";
import { categoryStyling } from "../taxonomy/category-styling";
import { MATERIALS } from "../vocabulary/materials";
import { PATTERNS } from "../vocabulary/patterns";
import { isCompatible } from "./compatibility";
import { planComplement } from "./plan-complement";
import { patternSuitsMaterial } from "./rules/pattern-rules";
import type { ProductSpec } from "./product-spec";

const hexColor = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
  )
  .map(([r, g, b]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`);

const productSpecArb: fc.Arbitrary<ProductSpec> = fc.record({
  categoryId: fc.constantFrom(...GARMENT_CATEGORIES.map((c) => c.publicId)),
  color: fc.oneof(fc.constantFrom(...FASHION_COLORS.map((c) => c.name)), hexColor),
  // Canonical keys and free text people type.
  material: fc.oneof(
    fc.constantFrom(...MaterialKey.options),
    fc.constantFrom("100% merino wool", "faux leather", "jean", "brushed mohair", "sherpa", "???"),
  ),
  pattern: fc.oneof(
    fc.constantFrom(...PatternKey.options),
    fc.constantFrom("breton stripe", "leopard", "tartan", "dots", "plain", "mystery"),
  ),
  fit: fc.option(fc.constantFrom(...Fit.options), { nil: null }),
  length: fc.option(
    fc.oneof(
      fc.constantFrom(...LengthKey.options),
      fc.constantFrom("long", "floor length", "crop"),
    ),
    { nil: null },
  ),
});
const brandArb = fc.option(fc.constantFrom(...PILOT_BRANDS), { nil: null });
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe("planComplement properties", () => {
  it("every plan is slot-compatible, valid for its category, ≤3 colors, never two fuzzy textures, one hero pattern", () => {
    fc.assert(
      fc.property(productSpecArb, brandArb, seedArb, (spec, brand, seed) => {
        const plan = planComplement(spec, { seed, brand });
        expect(ResolvedGarment.parse(plan.complement)).toEqual(plan.complement);
        expect(ResolvedGarment.parse(plan.product)).toEqual(plan.product);
        expect(COMPATIBLE_SLOTS[plan.product.slot]).toContain(plan.complement.slot);
        expect(isCompatible(plan.product.categoryId, plan.complement.categoryId).compatible).toBe(
          true,
        );
        expect(plan.visibleColors.length).toBeLessThanOrEqual(3);
        expect(
          MATERIALS[plan.product.material].fuzzy && MATERIALS[plan.complement.material].fuzzy,
        ).toBe(false);
        if (plan.product.pattern !== "solid")
          expect(PATTERNS[plan.complement.pattern].hero).toBe(false);
        if (brand?.forbidPrints) expect(plan.complement.pattern).toBe("solid");
        if (brand) expect(brand.forbidMaterials).not.toContain(plan.complement.material);
        if (
          plan.product.fit === "loose" &&
          plan.complement.slot !== "footwear" &&
          plan.complement.slot !== "accessory" &&
          plan.product.slot !== "footwear" &&
          plan.product.slot !== "accessory"
        ) {
          expect(plan.complement.fit).not.toBe("loose");
        }
        const styling = categoryStyling(
          GARMENT_CATEGORIES.find((c) => c.publicId === plan.complement.categoryId) ??
            GARMENT_CATEGORIES[0]!,
        );
        expect(styling.fits).toContain(plan.complement.fit);
        expect(styling.materials).toContain(plan.complement.material);
        expect(styling.patterns).toContain(plan.complement.pattern);
        expect(patternSuitsMaterial(plan.complement.pattern, plan.complement.material)).toBe(true);
        if (styling.lengths.length > 0) expect(styling.lengths).toContain(plan.complement.length);
        else expect(plan.complement.length).toBeNull();
        expect(plan.score).toBeGreaterThan(0);
        expect(plan.score).toBeLessThanOrEqual(1);
        expect(plan.rationale.length).toBeGreaterThanOrEqual(6);
        expect(plan.displayName.length).toBeGreaterThan(3);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it("is reproducible: same input and seed give a deep-equal plan", () => {
    fc.assert(
      fc.property(productSpecArb, brandArb, seedArb, (spec, brand, seed) => {
        expect(planComplement(spec, { seed, brand })).toEqual(
          planComplement({ ...spec }, { seed, brand }),
        );
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("several seeds give more than one distinct look", () => {
    fc.assert(
      fc.property(productSpecArb, (spec) => {
        const looks = new Set(
          [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
            const c = planComplement(spec, { seed }).complement;
            return JSON.stringify(c);
          }),
        );
        expect(looks.size).toBeGreaterThan(1);
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
