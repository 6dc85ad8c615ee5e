import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Fit, LengthKey, MaterialKey, PatternKey } from "@garment/schemas";
import { PILOT_BRANDS } from "../brands/pilot-brands";
import { hexToOklch, hueDistance } from "../color/color-space";
import { FASHION_COLORS } from "../color/fashion-colors";
import { isNeutralColor } from "../color/neutral";
import { GARMENT_CATEGORIES, findCategory } from "../taxonomy/categories";
import { categoryStyling } from "../taxonomy/category-styling";
import { formalityStep, formalityValue } from "../taxonomy/formality";
import { seasonsInverted, warmthClass, warmthValue } from "../taxonomy/warmth";
import { LOUD_CHROMA } from "./color-harmony";
import { planComplement, type ComplementPlan } from "./plan-complement";
import type { ProductSpec } from "./product-spec";

const productSpecArb: fc.Arbitrary<ProductSpec> = fc.record({
  categoryId: fc.constantFrom(...GARMENT_CATEGORIES.map((c) => c.publicId)),
  color: fc.constantFrom(...FASHION_COLORS.map((c) => c.name)),
  material: fc.constantFrom(...MaterialKey.options),
  pattern: fc.constantFrom(...PatternKey.options),
  fit: fc.option(fc.constantFrom(...Fit.options), { nil: null }),
  length: fc.option(fc.constantFrom(...LengthKey.options), { nil: null }),
});
const seasonArb = fc.constantFrom(null, "spring", "summer", "autumn", "winter");
const brandArb = fc.option(fc.constantFrom(...PILOT_BRANDS), { nil: null });
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

/** Recomputed from the tables, not read back from the plan: the plan could misreport itself. */
function register(g: ComplementPlan["product"]) {
  const category = findCategory(g.categoryId);
  if (!category) throw new Error(g.categoryId);
  const styling = categoryStyling(category);
  return {
    step: formalityStep(formalityValue(styling.formality, g.material, g.pattern)),
    season: warmthClass(warmthValue(styling.warmth, g.material, g.pattern, g.length)),
  };
}

const line = (plan: ComplementPlan, label: string) =>
  plan.rationale.find((l) => l.startsWith(`${label}:`)) ?? "";

describe("look properties over random products, brands, seasons and seeds", () => {
  it("never breaks formality by more than one step without naming the deliberate contrast", () => {
    fc.assert(
      fc.property(productSpecArb, brandArb, seasonArb, seedArb, (spec, brand, season, seed) => {
        const plan = planComplement(spec, { seed, brand, metadata: { season } });
        const steps = Math.abs(register(plan.product).step - register(plan.complement).step);
        expect(plan.formality.steps).toBe(steps);
        if (steps > 1) {
          expect(plan.formality.contrast).not.toBeNull();
          expect(line(plan, "Formality")).toContain("deliberate contrast");
        } else {
          expect(plan.formality.contrast).toBeNull();
        }
        expect(steps).toBeLessThanOrEqual(2);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("never puts a summer piece with a winter one, nor against the hinted season", () => {
    fc.assert(
      fc.property(productSpecArb, seasonArb, seedArb, (spec, season, seed) => {
        const plan = planComplement(spec, { seed, metadata: { season } });
        const p = register(plan.product).season;
        const c = register(plan.complement).season;
        expect(seasonsInverted(p, c)).toBe(false);
        if (season === "summer") expect(c).not.toBe("winter");
        if (season === "winter") expect(c).not.toBe("summer");
        expect(plan.season).toEqual({ hint: season, product: p, complement: c });
        expect(line(plan, "Season")).toContain(
          season ? `${season} (metadata.season)` : "no season",
        );
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it("gives a loud product a neutral or a quiet tone of its own family, and keeps contrasting hues quieter", () => {
    fc.assert(
      fc.property(productSpecArb, seedArb, (spec, seed) => {
        const plan = planComplement(spec, { seed });
        const p = hexToOklch(plan.product.colorHex);
        const c = hexToOklch(plan.complement.colorHex);
        if (p.c >= LOUD_CHROMA && !isNeutralColor(c)) {
          expect(hueDistance(p.h, c.h)).toBeLessThanOrEqual(35);
          expect(c.c <= 0.06 || c.c <= 0.55 * p.c).toBe(true);
        }
        if (plan.harmony === "complementary" || plan.harmony === "triadic")
          expect(c.c).toBeLessThanOrEqual(0.8 * p.c);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it("reports a hue-template fit in every plan's scores", () => {
    fc.assert(
      fc.property(productSpecArb, seedArb, (spec, seed) => {
        const { hueTemplate } = planComplement(spec, { seed }).scores;
        expect(["i", "I", "V", "L", "Y", "T", "X", "N"]).toContain(hueTemplate.template);
        if (hueTemplate.fits) expect(hueTemplate.offDegrees).toBe(0);
        else expect(hueTemplate.offDegrees).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it("chooses shoes or an accessory for a real share of looks, most of all for one-pieces", () => {
    const sample = fc.sample(fc.tuple(productSpecArb, seasonArb, seedArb), {
      numRuns: 600,
      seed: 15,
    });
    let wardrobe = 0;
    let onePieces = 0;
    let onePieceWardrobe = 0;
    for (const [spec, season, seed] of sample) {
      const plan = planComplement(spec, { seed, metadata: { season } });
      const finishing = plan.complement.slot === "footwear" || plan.complement.slot === "accessory";
      if (finishing) wardrobe++;
      if (plan.product.slot === "one_piece") {
        onePieces++;
        if (finishing) onePieceWardrobe++;
      }
    }
    expect(wardrobe / sample.length).toBeGreaterThanOrEqual(0.08);
    expect(onePieceWardrobe / onePieces).toBeGreaterThanOrEqual(0.4);
  });

  it("spreads the cloth: no material makes more than a fifth of the complements", () => {
    const sample = fc.sample(fc.tuple(productSpecArb, seedArb), { numRuns: 600, seed: 16 });
    const counts = new Map<string, number>();
    for (const [spec, seed] of sample) {
      const m = planComplement(spec, { seed }).complement.material;
      counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    expect(Math.max(...counts.values()) / sample.length).toBeLessThan(0.2);
    expect(counts.size).toBeGreaterThanOrEqual(15);
  });
});
