import { describe, expect, it } from "vitest";
import type { MaterialKey, PatternKey } from "@garment/schemas";
import { PILOT_BRANDS } from "../brands/pilot-brands";
import type { BrandStyleGuide } from "../brands/brand-style-guide";
import { deltaE2000Hex, hexToOklch } from "../color/color-space";
import { MATERIALS } from "../vocabulary/materials";
import { PATTERNS } from "../vocabulary/patterns";
import { planComplement, type ComplementPlan } from "./plan-complement";
import type { ProductSpec } from "./product-spec";
import { productSpec } from "./test/fixtures";

/** Each case is checked on several seeds: a rule must hold for every look, not a lucky one. */
const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];

interface StyleCase {
  name: string;
  spec: ProductSpec;
  brand?: string;
  expect: (plan: ComplementPlan) => void;
}

const brand = (slug: string): BrandStyleGuide => {
  const found = PILOT_BRANDS.find((b) => b.slug === slug);
  if (!found) throw new Error(slug);
  return found;
};

const fitIn =
  (...fits: string[]) =>
  (p: ComplementPlan) =>
    expect(fits).toContain(p.complement.fit);
const slotIn =
  (...slots: string[]) =>
  (p: ComplementPlan) =>
    expect(slots).toContain(p.complement.slot);
const lengthIn =
  (...lengths: string[]) =>
  (p: ComplementPlan) =>
    expect(lengths).toContain(p.complement.length);
const solid = (p: ComplementPlan) => expect(p.complement.pattern).toBe("solid");
/** A patterned product's complement: solid, or a small tonal weave of another scale. */
const quietPattern = (p: ComplementPlan) => {
  const c = PATTERNS[p.complement.pattern];
  expect(c.hero).toBe(false);
  if (p.complement.pattern !== "solid") {
    expect(c.tonal).toBe(true);
    expect(c.scale).not.toBe(PATTERNS[p.product.pattern].scale);
  }
};
const notMaterial =
  (...materials: MaterialKey[]) =>
  (p: ComplementPlan) =>
    expect(materials).not.toContain(p.complement.material);
const notFuzzy = (p: ComplementPlan) => expect(MATERIALS[p.complement.material].fuzzy).toBe(false);
const notPattern =
  (...patterns: PatternKey[]) =>
  (p: ComplementPlan) =>
    expect(patterns).not.toContain(p.complement.pattern);
const colorApart = (p: ComplementPlan) =>
  expect(deltaE2000Hex(p.product.colorHex, p.complement.colorHex)).toBeGreaterThanOrEqual(10);
const valueContrast = (min: number) => (p: ComplementPlan) =>
  expect(
    Math.abs(hexToOklch(p.product.colorHex).l - hexToOklch(p.complement.colorHex).l),
  ).toBeGreaterThanOrEqual(min);
const notTwoLoud = (p: ComplementPlan) =>
  expect(
    Math.min(hexToOklch(p.product.colorHex).c, hexToOklch(p.complement.colorHex).c),
  ).toBeLessThan(0.17);
const all =
  (...checks: ((p: ComplementPlan) => void)[]) =>
  (p: ComplementPlan) =>
    checks.forEach((c) => c(p));

const CASES: StyleCase[] = [
  // Fit balance: volume against slimness.
  {
    name: "loose top → slim or regular bottom",
    spec: productSpec("t-shirt", { color: "white", fit: "loose" }),
    expect: all(slotIn("bottom", "outerwear"), fitIn("slim", "regular")),
  },
  {
    name: "oversized hoodie → not a loose complement",
    spec: productSpec("hoodie", { color: "grey marl", material: "fleece", fit: "loose" }),
    expect: fitIn("slim", "regular"),
  },
  {
    name: "loose wool sweater → slim or regular",
    spec: productSpec("sweater", { color: "oatmeal", material: "wool", fit: "loose" }),
    expect: fitIn("slim", "regular"),
  },
  {
    name: "slim tank top → regular or loose",
    spec: productSpec("tank-top", { color: "black", material: "jersey", fit: "slim" }),
    expect: fitIn("regular", "loose"),
  },
  {
    name: "slim pencil skirt → regular or loose top",
    spec: productSpec("pencil-skirt", { color: "charcoal", material: "wool", fit: "slim" }),
    expect: fitIn("regular", "loose"),
  },
  {
    name: "wide-leg trousers → slim or regular top",
    spec: productSpec("trousers", {
      color: "camel",
      material: "wool",
      fit: "loose",
      length: "full",
    }),
    expect: fitIn("slim", "regular"),
  },
  {
    name: "loose jeans → no loose top",
    spec: productSpec("jeans", { color: "light wash", material: "denim", fit: "loose" }),
    expect: fitIn("slim", "regular"),
  },
  {
    name: "skinny jeans → no slim top",
    spec: productSpec("jeans", { color: "black", material: "denim", fit: "slim" }),
    expect: fitIn("regular", "loose"),
  },
  {
    name: "loose dress → no loose layer",
    spec: productSpec("dress", { color: "sage", material: "linen", fit: "loose", length: "midi" }),
    expect: fitIn("slim", "regular"),
  },
  {
    name: "slim slip dress → no slim layer",
    spec: productSpec("slip-dress", {
      color: "champagne",
      material: "satin",
      fit: "slim",
      length: "midi",
    }),
    expect: fitIn("regular", "loose"),
  },

  // One hero pattern.
  {
    name: "floral dress → solid or quiet complement",
    spec: productSpec("dress", { color: "terracotta", material: "cotton", pattern: "floral" }),
    expect: quietPattern,
  },
  {
    name: "leopard blouse → quiet complement",
    spec: productSpec("blouse", { color: "camel", material: "silk", pattern: "leopard" }),
    expect: quietPattern,
  },
  {
    name: "breton stripe tee → no competing print",
    spec: productSpec("t-shirt", { color: "navy", pattern: "breton stripe" }),
    expect: quietPattern,
  },
  {
    name: "tartan shirt → quiet complement",
    spec: productSpec("shirt", { color: "red", material: "wool", pattern: "tartan" }),
    expect: quietPattern,
  },
  {
    name: "paisley scarf → quiet complement",
    spec: productSpec("scarf", { color: "burgundy", material: "silk", pattern: "paisley" }),
    expect: quietPattern,
  },
  {
    name: "camo hoodie → quiet complement",
    spec: productSpec("hoodie", { color: "olive", pattern: "camo" }),
    expect: quietPattern,
  },
  {
    name: "polka dot blouse → solid (a small print leaves no smaller scale)",
    spec: productSpec("blouse", { color: "black", material: "silk", pattern: "dots" }),
    expect: solid,
  },
  {
    name: "pinstripe trousers → solid top",
    spec: productSpec("trousers", { color: "charcoal", material: "wool", pattern: "pinstripe" }),
    expect: solid,
  },
  {
    name: "gingham shirt dress → quiet layer",
    spec: productSpec("shirt-dress", { color: "cornflower blue", pattern: "gingham" }),
    expect: solid,
  },
  {
    name: "tie-dye tee → quiet complement",
    spec: productSpec("t-shirt", { color: "lilac", pattern: "tie-dye" }),
    expect: quietPattern,
  },
  {
    name: "color-block puffer → quiet complement",
    spec: productSpec("puffer-jacket", {
      color: "cobalt",
      material: "nylon",
      pattern: "colour block",
    }),
    expect: quietPattern,
  },

  // Brand guides.
  {
    name: "minimalist brand never gets a print (white tee)",
    spec: productSpec("t-shirt", { color: "white" }),
    brand: "nord-atelier",
    expect: solid,
  },
  {
    name: "minimalist brand never gets a print (black trousers)",
    spec: productSpec("trousers", { color: "black", material: "wool" }),
    brand: "nord-atelier",
    expect: solid,
  },
  {
    name: "minimalist brand never gets a print (sneakers)",
    spec: productSpec("sneakers", { color: "white", material: "leather" }),
    brand: "nord-atelier",
    expect: solid,
  },
  {
    name: "minimalist brand: loose cream sweater → solid, not loose",
    spec: productSpec("sweater", { color: "cream", material: "cashmere", fit: "loose" }),
    brand: "nord-atelier",
    expect: all(solid, fitIn("slim", "regular")),
  },
  {
    name: "minimalist brand never gets sequins",
    spec: productSpec("slip-dress", { color: "black", material: "satin" }),
    brand: "nord-atelier",
    expect: all(solid, notMaterial("sequin")),
  },
  {
    name: "heritage brand: no forbidden prints or fabrics",
    spec: productSpec("blazer", { color: "navy", material: "wool" }),
    brand: "savile-and-thorne",
    expect: all(
      notPattern("tie_dye", "camouflage", "abstract", "animal"),
      notMaterial("sequin", "fleece"),
    ),
  },
  {
    name: "heritage brand: tweed blazer gets no fleece",
    spec: productSpec("blazer", { color: "brown", material: "tweed" }),
    brand: "savile-and-thorne",
    expect: notMaterial("fleece", "sequin"),
  },
  {
    name: "coastal brand: no synthetics or fuzz",
    spec: productSpec("shirt", { color: "white", material: "linen" }),
    brand: "tidewater-linen",
    expect: all(
      notMaterial("polyester", "sequin", "boucle", "mohair"),
      notPattern("animal", "camouflage", "tie_dye"),
    ),
  },
  {
    name: "streetwear brand: no paisley or pinstripe",
    spec: productSpec("hoodie", { color: "black", fit: "loose" }),
    brand: "volt-district",
    expect: all(notPattern("paisley", "pinstripe", "houndstooth"), fitIn("slim", "regular")),
  },
  {
    name: "evening brand: no fleece",
    spec: productSpec("slip-dress", { color: "emerald", material: "silk", length: "maxi" }),
    brand: "maison-velour",
    expect: all(notMaterial("fleece"), (p) => {
      if (p.complement.slot === "outerwear") lengthIn("cropped", "waist")(p);
    }),
  },

  // Texture.
  {
    name: "black leather jacket → no second leather",
    spec: productSpec("leather-jacket", { color: "black", material: "leather" }),
    expect: notMaterial("leather"),
  },
  {
    name: "leather trousers → no leather top",
    spec: productSpec("trousers", { color: "black", material: "faux leather" }),
    expect: notMaterial("leather"),
  },
  {
    name: "mohair sweater → no fuzzy bottom",
    spec: productSpec("sweater", { color: "pink", material: "mohair" }),
    expect: notFuzzy,
  },
  {
    name: "bouclé blazer → nothing fuzzy under it",
    spec: productSpec("blazer", { color: "ecru", material: "boucle" }),
    expect: notFuzzy,
  },
  {
    name: "fleece hoodie → nothing fuzzy",
    spec: productSpec("hoodie", { color: "forest green", material: "polar fleece" }),
    expect: notFuzzy,
  },
  {
    name: "sequin dress → no second sequin",
    spec: productSpec("dress", { color: "silver", material: "sequins" }),
    expect: notMaterial("sequin"),
  },
  {
    name: "velvet blazer → no second velvet",
    spec: productSpec("blazer", { color: "burgundy", material: "velvet" }),
    expect: notMaterial("velvet"),
  },
  {
    name: "suede skirt → no second suede",
    spec: productSpec("a-line-skirt", { color: "tan", material: "suede" }),
    expect: notMaterial("suede"),
  },
  {
    name: "mohair cardigan → no fuzzy dress",
    spec: productSpec("cardigan", { color: "lilac", material: "mohair" }),
    expect: notFuzzy,
  },

  // Length and proportion.
  {
    name: "maxi dress → cropped or waist outerwear",
    spec: productSpec("dress", { color: "rust", material: "linen", length: "maxi" }),
    expect: all(slotIn("outerwear", "footwear", "accessory"), (p) => {
      if (p.complement.slot === "outerwear") lengthIn("cropped", "waist")(p);
    }),
  },
  {
    name: "loose floral maxi dress → cropped layer, solid, not loose",
    spec: productSpec("dress", {
      color: "terracotta",
      pattern: "floral",
      fit: "loose",
      length: "floor length",
    }),
    expect: all(quietPattern, fitIn("slim", "regular"), (p) => {
      if (p.complement.slot === "outerwear") lengthIn("cropped", "waist")(p);
    }),
  },
  {
    name: "maxi slip dress → cropped or waist layer",
    spec: productSpec("slip-dress", { color: "black", material: "satin", length: "maxi" }),
    expect: (p) => {
      if (p.complement.slot === "outerwear") lengthIn("cropped", "waist")(p);
    },
  },
  {
    name: "longline top → slim or short bottom",
    spec: productSpec("sweater", { color: "grey", material: "knit", length: "longline" }),
    expect: (p) => {
      if (p.complement.slot === "bottom")
        expect(
          p.complement.fit === "slim" ||
            ["cropped", "ankle", "mini", "knee", "short"].includes(p.complement.length ?? ""),
        ).toBe(true);
    },
  },
  {
    name: "cropped top → long, high bottom, or a short hem (never one that cuts the leg midway)",
    spec: productSpec("t-shirt", { color: "white", length: "cropped" }),
    expect: (p) => {
      if (p.complement.slot === "bottom")
        lengthIn("full", "ankle", "midi", "maxi", "short", "mini")(p);
    },
  },
  {
    name: "cropped tank → long bottom, or a short hem (never one that cuts the leg midway)",
    spec: productSpec("tank-top", { color: "black", length: "crop", fit: "slim" }),
    expect: (p) => {
      if (p.complement.slot === "bottom")
        lengthIn("full", "ankle", "midi", "maxi", "short", "mini")(p);
    },
  },
  {
    name: "maxi skirt → no tunic top",
    spec: productSpec("a-line-skirt", { color: "mustard", length: "maxi" }),
    expect: (p) => expect(p.complement.length).not.toBe("tunic"),
  },
  {
    name: "full wide-leg trousers → not a loose tunic on top",
    spec: productSpec("trousers", {
      color: "ivory",
      material: "linen",
      fit: "loose",
      length: "full",
    }),
    expect: all(fitIn("slim", "regular"), (p) => expect(p.complement.length).not.toBe("tunic")),
  },
  {
    name: "long coat → no midi or maxi bottom",
    spec: productSpec("wool-coat", { color: "camel", material: "wool", length: "maxi" }),
    expect: (p) => {
      if (p.complement.slot === "bottom")
        expect(["midi", "maxi"]).not.toContain(p.complement.length);
    },
  },
  {
    name: "hip blazer → staggered hem under it",
    spec: productSpec("blazer", { color: "black", material: "wool", length: "hip" }),
    expect: (p) => {
      if (p.complement.slot === "top") expect(p.complement.length).not.toBe("hip");
    },
  },

  // Color.
  {
    name: "navy top never gets a near-navy complement",
    spec: productSpec("shirt", { color: "navy" }),
    expect: colorApart,
  },
  {
    name: "navy sweater never gets a navy-clashing bottom",
    spec: productSpec("sweater", { color: "navy blue", material: "wool" }),
    expect: all(colorApart, valueContrast(0.05)),
  },
  {
    name: "black trousers → visible value contrast",
    spec: productSpec("trousers", { color: "black", material: "wool" }),
    expect: all(colorApart, valueContrast(0.08)),
  },
  {
    name: "red blouse → no second loud color",
    spec: productSpec("blouse", { color: "red", material: "silk" }),
    expect: notTwoLoud,
  },
  {
    name: "fuchsia dress → no second loud color",
    spec: productSpec("dress", { color: "fuchsia" }),
    expect: notTwoLoud,
  },
  {
    name: "camel coat → distinct color",
    spec: productSpec("wool-coat", { color: "camel", material: "wool" }),
    expect: colorApart,
  },
  {
    name: "white tee → complement with value contrast",
    spec: productSpec("t-shirt", { color: "white" }),
    expect: valueContrast(0.08),
  },
  {
    name: "floral print → at most three visible colors",
    spec: productSpec("dress", { color: "coral", pattern: "floral" }),
    expect: (p) => expect(p.visibleColors.length).toBeLessThanOrEqual(3),
  },
  {
    name: "grey product → neutral anchor or monochrome",
    spec: productSpec("sweater", { color: "heather grey", material: "wool" }),
    expect: (p) => expect(["neutral_anchor", "monochrome"]).toContain(p.harmony),
  },
  {
    name: "hex color product works",
    spec: productSpec("shirt", { color: "#2e8b57" }),
    expect: colorApart,
  },
  {
    name: "CSS color product works",
    spec: productSpec("blouse", { color: "hsl(330 60% 50%)" }),
    expect: all(colorApart, notTwoLoud),
  },

  // Category pairing.
  {
    name: "top → bottom or outerwear",
    spec: productSpec("polo"),
    expect: slotIn("bottom", "outerwear"),
  },
  {
    name: "bottom → top or outerwear",
    spec: productSpec("pleated-skirt"),
    expect: slotIn("top", "outerwear"),
  },
  {
    name: "dress → a layer, shoes or an accessory (it is already an outfit)",
    spec: productSpec("dress"),
    expect: slotIn("outerwear", "footwear", "accessory"),
  },
  {
    name: "jumpsuit → never a top or bottom",
    spec: productSpec("jumpsuit"),
    expect: slotIn("outerwear", "footwear", "accessory"),
  },
  {
    name: "blazer → what it is worn over",
    spec: productSpec("blazer", { material: "wool" }),
    expect: slotIn("top", "one_piece", "bottom"),
  },
  {
    name: "sneakers → a bottom or one-piece",
    spec: productSpec("sneakers", { color: "white", material: "canvas" }),
    expect: slotIn("bottom", "one_piece"),
  },
  {
    name: "handbag → a garment, not another accessory",
    spec: productSpec("handbag", { color: "cognac", material: "leather" }),
    expect: slotIn("one_piece", "outerwear", "top"),
  },
  {
    name: "hoodie → never a blazer, pencil skirt or heels",
    spec: productSpec("hoodie", { color: "grey" }),
    expect: (p) =>
      expect(["blazer", "pencil_skirt", "heels", "skirt_pencil"]).not.toContain(
        p.complement.silhouette,
      ),
  },
  {
    name: "heels → never shorts",
    spec: productSpec("heels", { color: "black", material: "leather" }),
    expect: (p) => expect(p.complement.silhouette).not.toBe("shorts"),
  },
];

describe("style suite: what a stylist expects of the complement", () => {
  it("has at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)("$name", ({ spec, brand: slug, expect: check }) => {
    for (const seed of SEEDS) {
      const plan = planComplement(spec, { seed, brand: slug ? brand(slug) : null });
      try {
        check(plan);
      } catch (error) {
        throw new Error(
          `seed ${seed}: ${plan.displayName} (${plan.complement.pattern}, ${plan.complement.fit}, ${plan.complement.length})\n${String(error)}`,
        );
      }
    }
  });
});
