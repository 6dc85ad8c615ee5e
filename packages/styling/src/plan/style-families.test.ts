import { describe, expect, it } from "vitest";
import { planComplement } from "./plan-complement";
import { STYLE_CASES, STYLE_SEEDS } from "./test/style-cases";

describe("style suite, rule families: formality, season, colour, the whole wardrobe", () => {
  it("has at least 60 cases, each citing its stylist rule, in every family", () => {
    expect(STYLE_CASES.length).toBeGreaterThanOrEqual(60);
    for (const c of STYLE_CASES) expect(c.rule.length, c.name).toBeGreaterThan(20);
    const families = new Set(STYLE_CASES.map((c) => c.family));
    expect([...families].sort()).toEqual(["colour", "formality", "season", "wardrobe"]);
  });

  it.each(STYLE_CASES)("[$family] $name", ({ spec, metadata, brand, each, across }) => {
    const plans = STYLE_SEEDS.map((seed) =>
      planComplement(spec, { seed, metadata: metadata ?? null, brand: brand ?? null }),
    );
    const broken = each
      ? plans.flatMap((plan) => {
          const why = each(plan);
          return why ? [`seed ${plan.seed}: ${why}`] : [];
        })
      : [];
    expect(broken).toEqual([]);
    expect(across?.(plans) ?? null).toBeNull();
  });
});
