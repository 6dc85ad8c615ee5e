import type { GarmentSlot, MaterialKey } from "@garment/schemas";
import { findPilotBrand } from "../../brands/pilot-brands";
import type { BrandStyleGuide } from "../../brands/brand-style-guide";
import { hexToOklch, hueDistance } from "../../color/color-space";
import { isNeutralColor } from "../../color/neutral";
import { FORMALITY_LEVELS } from "../../taxonomy/formality";
import type { WarmthClass } from "../../taxonomy/warmth";
import type { ComplementPlan } from "../plan-complement";
import type { ProductSpec } from "../product-spec";
import { productSpec } from "./fixtures";

/**
 * The style suite's rule families (issue #12): each case names the stylist rule it encodes and
 * is checked on every seed of `STYLE_SEEDS`. A check returns null when the plan keeps the
 * rule, or says how it broke it. Pure data and functions: the test runs them, and the
 * styling bench counts and reruns them for its report.
 */
export type RuleFamily = "formality" | "season" | "colour" | "wardrobe";

export interface StyleCase {
  name: string;
  family: RuleFamily;
  /** The stylist rule the case encodes, as a stylist would say it. */
  rule: string;
  spec: ProductSpec;
  metadata?: Record<string, unknown>;
  brand?: BrandStyleGuide;
  /** Checked on each seed's plan. */
  each?: (plan: ComplementPlan) => string | null;
  /** Checked on all seeds' plans together (variety, shares). */
  across?: (plans: readonly ComplementPlan[]) => string | null;
}

export const STYLE_SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];

type Check = (plan: ComplementPlan) => string | null;

const step = (level: string) =>
  FORMALITY_LEVELS.indexOf(level as (typeof FORMALITY_LEVELS)[number]);
const look = (p: ComplementPlan) =>
  `${p.displayName} (${p.formality.complement}, ${p.season.complement}, ${p.complement.colorName})`;

const all =
  (...checks: Check[]): Check =>
  (p) => {
    for (const c of checks) {
      const broke = c(p);
      if (broke) return broke;
    }
    return null;
  };

/** Within one step, or a contrast the plan names (and the rationale says so). */
const registerKept: Check = (p) =>
  p.formality.steps <= 1 ||
  (p.formality.contrast !== null &&
    p.rationale.some((l) => l.startsWith("Formality:") && l.includes("deliberate contrast")))
    ? null
    : `${p.formality.steps} steps apart without a named contrast: ${look(p)}`;
const complementAtLeast =
  (level: (typeof FORMALITY_LEVELS)[number]): Check =>
  (p) =>
    step(p.formality.complement) >= step(level) ? null : `below ${level}: ${look(p)}`;
const complementAtMost =
  (level: (typeof FORMALITY_LEVELS)[number]): Check =>
  (p) =>
    step(p.formality.complement) <= step(level) ? null : `above ${level}: ${look(p)}`;
const notMaterial =
  (...materials: MaterialKey[]): Check =>
  (p) =>
    materials.includes(p.complement.material) ? `${p.complement.material}: ${look(p)}` : null;
const notCategory =
  (...names: string[]): Check =>
  (p) =>
    names.includes(p.complement.categoryName) ? `${p.complement.categoryName}: ${look(p)}` : null;
const slotIn =
  (...slots: GarmentSlot[]): Check =>
  (p) =>
    slots.includes(p.complement.slot) ? null : `slot ${p.complement.slot}: ${look(p)}`;
const seasonNot =
  (cls: WarmthClass): Check =>
  (p) =>
    p.season.complement === cls ? `a ${cls} piece: ${look(p)}` : null;
const rationaleSays =
  (label: string, pattern: RegExp): Check =>
  (p) => {
    const line = p.rationale.find((l) => l.startsWith(`${label}:`)) ?? "";
    return pattern.test(line) ? null : `${label} line "${line}" does not match ${pattern}`;
  };

/** A loud product's partner is a neutral or a quiet tone of its own hue family. */
const quietPartner: Check = (p) => {
  const product = hexToOklch(p.product.colorHex);
  const c = hexToOklch(p.complement.colorHex);
  if (isNeutralColor(c)) return null;
  const family = hueDistance(product.h, c.h) <= 35;
  const quiet = c.c <= 0.06 || c.c <= 0.55 * product.c;
  return family && quiet
    ? null
    : `${p.complement.colorName} is not neutral nor a quiet ${p.product.colorName}`;
};
/** Complementary (and triadic) partners are worn at a lower chroma than the product. */
const contrastQuieter: Check = (p) =>
  (p.harmony === "complementary" || p.harmony === "triadic") &&
  hexToOklch(p.complement.colorHex).c >= hexToOklch(p.product.colorHex).c
    ? `${p.harmony} partner ${p.complement.colorName} as strong as ${p.product.colorName}`
    : null;
const templateReported: Check = (p) =>
  ["i", "I", "V", "L", "Y", "T", "X", "N"].includes(p.scores.hueTemplate.template)
    ? null
    : "no hue template in scores";

const someSlot =
  (slots: GarmentSlot[], atLeast = 1) =>
  (plans: readonly ComplementPlan[]) => {
    const n = plans.filter((p) => slots.includes(p.complement.slot)).length;
    return n >= atLeast ? null : `only ${n} of ${plans.length} seeds chose ${slots.join("/")}`;
  };
const atMostSlot = (slot: GarmentSlot, atMost: number) => (plans: readonly ComplementPlan[]) => {
  const n = plans.filter((p) => p.complement.slot === slot).length;
  return n <= atMost ? null : `${n} of ${plans.length} seeds chose ${slot}`;
};
const distinctMaterials = (atLeast: number) => (plans: readonly ComplementPlan[]) => {
  const n = new Set(plans.map((p) => p.complement.material)).size;
  return n >= atLeast ? null : `only ${n} materials over ${plans.length} seeds`;
};

const brand = (slug: string): BrandStyleGuide => {
  const found = findPilotBrand(slug);
  if (!found) throw new Error(slug);
  return found;
};

const F = (c: Omit<StyleCase, "family">): StyleCase => ({ ...c, family: "formality" });
const S = (c: Omit<StyleCase, "family">): StyleCase => ({ ...c, family: "season" });
const C = (c: Omit<StyleCase, "family">): StyleCase => ({ ...c, family: "colour" });
const W = (c: Omit<StyleCase, "family">): StyleCase => ({ ...c, family: "wardrobe" });

export const STYLE_CASES: readonly StyleCase[] = [
  // Formality: stay within one step of the product; past that only a named high-low contrast.
  F({
    name: "satin tuxedo blazer → nothing below smart-casual",
    rule: "An evening piece is never paired with casual or sporty separates (no polo under a tuxedo).",
    spec: productSpec("blazer", { color: "black", material: "satin" }),
    each: all(registerKept, complementAtLeast("smart-casual"), notCategory("Polo shirt", "Hoodie")),
  }),
  F({
    name: "tartan flannel shirt → no evening cloth",
    rule: "A casual check shirt stays in day cloths: no satin, velvet or sequins with it.",
    spec: productSpec("shirt", { color: "red", material: "flannel", pattern: "tartan" }),
    each: all(registerKept, notMaterial("satin", "velvet", "sequin")),
  }),
  F({
    name: "tie-dye festival tee → casual partners",
    rule: "A festival tee is casual: no business trousers or leather tailoring beside it.",
    spec: productSpec("t-shirt", { color: "orange", material: "cotton", pattern: "tie-dye" }),
    each: all(
      registerKept,
      complementAtMost("smart-casual"),
      notMaterial("leather", "satin", "velvet"),
    ),
  }),
  F({
    name: "grey fleece hoodie → athleisure or casual",
    rule: "Sportswear pairs with casual pieces, never with prints and cloths from a dressier register.",
    spec: productSpec("hoodie", { color: "grey", material: "fleece" }),
    each: all(registerKept, complementAtMost("smart-casual")),
  }),
  F({
    name: "pinstripe wool trousers → at least smart-casual or a named high-low",
    rule: "Suit trousers want a shirt, blouse or knit of their register; a tee only as a stated high-low.",
    spec: productSpec("trousers", { color: "charcoal", material: "wool", pattern: "pinstripe" }),
    each: registerKept,
  }),
  F({
    name: "velvet slip dress → no hoodie, puffer or fleece",
    rule: "Evening velvet is not layered with sportswear.",
    spec: productSpec("slip-dress", { color: "burgundy", material: "velvet" }),
    each: all(registerKept, notCategory("Hoodie", "Puffer jacket"), notMaterial("fleece")),
  }),
  F({
    name: "sequin dress → partners of smart-casual or above",
    rule: "Sequins are the most formal cloth: casual partners only as a deliberate, named contrast.",
    spec: productSpec("dress", { color: "silver", material: "sequins" }),
    each: all(registerKept, complementAtLeast("smart-casual")),
  }),
  F({
    name: "camo shorts → casual partners",
    rule: "Camouflage shorts are off-duty wear: nothing business or evening with them.",
    spec: productSpec("shorts", { color: "olive", material: "cotton", pattern: "camo" }),
    each: all(registerKept, complementAtMost("smart-casual")),
  }),
  F({
    name: "silk blouse → no athleisure",
    rule: "A silk blouse is not worn with fleece or sweatpants-level pieces.",
    spec: productSpec("blouse", { color: "ivory", material: "silk" }),
    each: all(registerKept, complementAtLeast("casual"), notMaterial("fleece")),
  }),
  F({
    name: "satin heels → a dressed partner",
    rule: "Evening heels finish dresses and tailoring, not shorts or hoodies.",
    spec: productSpec("heels", { color: "black", material: "satin" }),
    each: all(registerKept, complementAtLeast("smart-casual"), notCategory("Shorts", "Hoodie")),
  }),
  F({
    name: "canvas sneakers → casual unless the plan names the high-low",
    rule: "Sneakers go with casual clothes; with tailoring only as a named high-low contrast.",
    spec: productSpec("sneakers", { color: "white", material: "canvas" }),
    each: registerKept,
  }),
  F({
    name: "wool blazer → no fleece or hoodie under it",
    rule: "Tailoring over sportswear breaks the register.",
    spec: productSpec("blazer", { color: "navy", material: "wool" }),
    each: all(registerKept, notCategory("Hoodie"), notMaterial("fleece")),
  }),
  F({
    name: "leather pencil skirt → no hoodie",
    rule: "A leather pencil skirt is business/evening: its top is a blouse, shirt or fine knit.",
    spec: productSpec("pencil-skirt", { color: "black", material: "leather" }),
    each: all(registerKept, notCategory("Hoodie")),
  }),
  F({
    name: "denim jacket → casual partners or a named high-low",
    rule: "A denim jacket dresses a slip dress down only as a stated high-low, never over sequins.",
    spec: productSpec("denim-jacket", { color: "light wash", material: "denim" }),
    each: all(registerKept, notMaterial("sequin")),
  }),
  F({
    name: "suede loafers → no athleisure",
    rule: "Loafers are smart: no fleece or hoodies with them.",
    spec: productSpec("loafers", { color: "tan", material: "suede" }),
    each: all(registerKept, complementAtLeast("casual"), notMaterial("fleece")),
  }),
  F({
    name: "nylon puffer → no evening cloth",
    rule: "A puffer is sporty outerwear: no satin, velvet or sequins under it.",
    spec: productSpec("puffer-jacket", { color: "black", material: "nylon" }),
    each: all(registerKept, notMaterial("satin", "velvet", "sequin")),
  }),
  F({
    name: "every plan names both registers in its rationale",
    rule: "The stylist says where each piece sits on the scale.",
    spec: productSpec("sweater", { color: "camel", material: "cashmere" }),
    each: rationaleSays("Formality", /(same register|one step apart|deliberate contrast)/),
  }),

  // Season and weight: no summer piece with a winter one; the hinted season is served.
  S({
    name: "black puffer → no summer piece",
    rule: "No linen tank or shorts under a puffer: the layers must share a season.",
    spec: productSpec("puffer-jacket", { color: "black", material: "nylon" }),
    each: all(
      seasonNot("summer"),
      notMaterial("linen", "chiffon"),
      notCategory("Tank top", "Shorts"),
    ),
  }),
  S({
    name: "heavy charcoal wool coat → no summer piece",
    rule: "A heavy coat is not worn over a satin mini slip dress or linen.",
    spec: productSpec("wool-coat", { color: "charcoal", material: "heavy wool" }),
    each: all(seasonNot("summer"), notMaterial("linen", "chiffon")),
  }),
  S({
    name: "fleece hoodie → no shorts, sandals or tanks",
    rule: "Winter sportswear does not go with hot-weather pieces.",
    spec: productSpec("hoodie", { color: "grey", material: "polar fleece" }),
    each: all(seasonNot("summer"), notCategory("Shorts", "Sandals", "Tank top")),
  }),
  S({
    name: "linen shorts → no winter piece",
    rule: "Summer shorts are never paired with a wool coat, puffer, tweed or fleece.",
    spec: productSpec("shorts", { color: "sand", material: "linen" }),
    each: all(
      seasonNot("winter"),
      notCategory("Wool coat", "Puffer jacket"),
      notMaterial("tweed", "fleece"),
    ),
  }),
  S({
    name: "leather sandals → no winter piece",
    rule: "Sandals are warm-weather shoes: no winter coats or heavy knits with them.",
    spec: productSpec("sandals", { color: "tan", material: "leather" }),
    each: seasonNot("winter"),
  }),
  S({
    name: "chiffon blouse → no winter piece",
    rule: "A sheer chiffon blouse is a warm-weather piece.",
    spec: productSpec("blouse", { color: "blush", material: "chiffon" }),
    each: seasonNot("winter"),
  }),
  S({
    name: "tweed blazer → no linen or chiffon",
    rule: "Heavy heritage cloth and hot-weather cloth do not share a look.",
    spec: productSpec("blazer", { color: "brown", material: "tweed" }),
    each: all(seasonNot("summer"), notMaterial("linen", "chiffon")),
  }),
  S({
    name: "winter hint on a cotton tee → no summer complement, and the plan says winter",
    rule: "metadata.season winter: nothing hot-weather, and the rationale names the hint.",
    spec: productSpec("t-shirt", { color: "white", material: "cotton" }),
    metadata: { season: "winter" },
    each: all(seasonNot("summer"), rationaleSays("Season", /winter \(metadata\.season\)/)),
  }),
  S({
    name: "summer hint on jeans → no winter complement, and the plan says summer",
    rule: "metadata.season summer: nothing cold-weather.",
    spec: productSpec("jeans", { color: "mid wash", material: "denim" }),
    metadata: { season: "summer" },
    each: all(seasonNot("winter"), rationaleSays("Season", /summer \(metadata\.season\)/)),
  }),
  S({
    name: "'fall' is read as autumn",
    rule: "US and UK names of the season mean the same.",
    spec: productSpec("trousers", { color: "olive", material: "cotton" }),
    metadata: { season: "Fall" },
    each: (p) => (p.season.hint === "autumn" ? null : `hint ${p.season.hint}`),
  }),
  S({
    name: "an unknown season is ignored, and the plan says so",
    rule: "Free-form metadata never fails a request; the stylist says what was not understood.",
    spec: productSpec("shirt", { color: "sky blue" }),
    metadata: { season: "monsoon" },
    each: all(
      (p) => (p.season.hint === null ? null : `hint ${p.season.hint}`),
      rationaleSays("Season", /not recognised/),
    ),
  }),
  S({
    name: "no hint → the plan says no season was hinted",
    rule: "Default: no season; the rationale says so.",
    spec: productSpec("polo", { color: "navy" }),
    each: rationaleSays("Season", /no season hinted/),
  }),
  S({
    name: "winter hint on a silk slip dress → a warm partner",
    rule: "A slip dress in winter gets a layer, boots or a knit, never sandals.",
    spec: productSpec("slip-dress", { color: "champagne", material: "silk" }),
    metadata: { season: "winter" },
    each: all(seasonNot("summer"), notCategory("Sandals")),
  }),
  S({
    name: "summer hint on a dress → never a wool coat or puffer",
    rule: "In summer a dress is finished by shoes or a bag, not a winter coat.",
    spec: productSpec("dress", { color: "coral", material: "linen" }),
    metadata: { season: "summer" },
    each: all(seasonNot("winter"), notCategory("Wool coat", "Puffer jacket")),
  }),
  S({
    name: "summer hint on wool trousers → no winter partner",
    rule: "Year-round suiting in summer takes a light top, not a winter knit.",
    spec: productSpec("trousers", { color: "grey", material: "wool" }),
    metadata: { season: "summer" },
    each: seasonNot("winter"),
  }),

  // Colour: a loud product gets a neutral or a quiet tone of its own family.
  C({
    name: "neon green tee → neutral or quiet green",
    rule: "Neon is the one loud note: no orchid shorts or turquoise jeans with it.",
    spec: productSpec("t-shirt", { color: "neon green" }),
    each: all(quietPartner, contrastQuieter),
  }),
  C({
    name: "bold red floral blouse → neutral or quiet red",
    rule: "A bold print in a loud colour takes a calm partner, not a turquoise skirt.",
    spec: productSpec("blouse", { color: "red", material: "silk", pattern: "floral" }),
    each: quietPartner,
  }),
  C({
    name: "saturated red sweater → never evergreen",
    rule: "Saturated red is not answered with its complement at full weight.",
    spec: productSpec("sweater", { color: "scarlet", material: "wool" }),
    each: all(quietPartner, (p) => (p.complement.colorName === "evergreen" ? "evergreen" : null)),
  }),
  C({
    name: "fuchsia dress → neutral or quiet pink",
    rule: "One loud colour per look.",
    spec: productSpec("dress", { color: "fuchsia" }),
    each: quietPartner,
  }),
  C({
    name: "electric blue trousers → neutral or quiet blue",
    rule: "One loud colour per look.",
    spec: productSpec("trousers", { color: "electric blue", material: "cotton" }),
    each: quietPartner,
  }),
  C({
    name: "hot pink hoodie → neutral or quiet pink",
    rule: "One loud colour per look.",
    spec: productSpec("hoodie", { color: "hot pink" }),
    each: quietPartner,
  }),
  C({
    name: "orange tee → neutral or quiet orange",
    rule: "One loud colour per look.",
    spec: productSpec("t-shirt", { color: "orange" }),
    each: quietPartner,
  }),
  C({
    name: "lime skirt → neutral or quiet lime",
    rule: "One loud colour per look.",
    spec: productSpec("a-line-skirt", { color: "lime" }),
    each: quietPartner,
  }),
  C({
    name: "cobalt blazer → neutral or quiet blue",
    rule: "A saturated jacket leads; the rest steps back.",
    spec: productSpec("blazer", { color: "cobalt", material: "wool" }),
    each: quietPartner,
  }),
  C({
    name: "kelly green dress → neutral or quiet green",
    rule: "One loud colour per look.",
    spec: productSpec("dress", { color: "kelly green" }),
    each: quietPartner,
  }),
  C({
    name: "yellow trench → neutral or quiet yellow",
    rule: "One loud colour per look.",
    spec: productSpec("trench-coat", { color: "yellow" }),
    each: quietPartner,
  }),
  C({
    name: "loud product with a loud brand palette → still a quiet partner",
    rule: "A brand palette does not license two loud colours in one look.",
    spec: productSpec("hoodie", { color: "cobalt" }),
    brand: brand("volt-district"),
    each: quietPartner,
  }),
  C({
    name: "rust shirt → complementary partners are quieter",
    rule: "Complementary pairs work when the partner is muted (rust with a dusty blue, not cobalt).",
    spec: productSpec("shirt", { color: "rust" }),
    each: contrastQuieter,
  }),
  C({
    name: "mustard sweater → contrasting partners are quieter",
    rule: "Contrasting hues are worn at a lower chroma than the product.",
    spec: productSpec("sweater", { color: "mustard", material: "wool" }),
    each: contrastQuieter,
  }),
  C({
    name: "every plan reports its hue-template fit",
    rule: "An outside model of harmony (Matsuda's templates) is reported with each plan.",
    spec: productSpec("blouse", { color: "teal", pattern: "floral" }),
    each: all(templateReported, rationaleSays("Color", /Matsuda|no hue to place/)),
  }),

  // The whole wardrobe: shoes and accessories finish looks; the slot is explained.
  W({
    name: "dress → shoes or an accessory on some seeds, not always a layer",
    rule: "A dress is already an outfit: shoes or a bag finish it as often as a layer does.",
    spec: productSpec("dress", { color: "navy", material: "cotton" }),
    each: slotIn("outerwear", "footwear", "accessory"),
    across: (plans) =>
      someSlot(["footwear", "accessory"], 2)(plans) ?? atMostSlot("outerwear", 6)(plans),
  }),
  W({
    name: "jumpsuit → shoes or an accessory on some seeds",
    rule: "A jumpsuit is a full outfit: shoes, a belt or a bag complete it.",
    spec: productSpec("jumpsuit", { color: "black", material: "satin" }),
    each: slotIn("outerwear", "footwear", "accessory"),
    across: someSlot(["footwear", "accessory"], 2),
  }),
  W({
    name: "slip dress in summer → rarely a layer",
    rule: "In hot weather a layer over a slip dress is optional: shoes and a bag finish it.",
    spec: productSpec("slip-dress", { color: "emerald", material: "silk" }),
    metadata: { season: "summer" },
    across: atMostSlot("outerwear", 2),
  }),
  W({
    name: "heels as the product → the garment they finish, or the bag",
    rule: "Shoes as the product want a dress, trousers or skirt, or the matching bag.",
    spec: productSpec("heels", { color: "nude", material: "leather" }),
    each: slotIn("one_piece", "bottom", "accessory"),
  }),
  W({
    name: "loafers → a bottom, a one-piece or a belt",
    rule: "Loafers are styled from the trouser hem: trousers, a dress, or a belt that echoes them.",
    spec: productSpec("loafers", { color: "burgundy", material: "leather" }),
    each: slotIn("bottom", "one_piece", "accessory"),
  }),
  W({
    name: "sneakers → a bottom, a one-piece or an accessory",
    rule: "Sneakers finish jeans, shorts or a casual dress.",
    spec: productSpec("sneakers", { color: "white", material: "leather" }),
    each: slotIn("bottom", "one_piece", "accessory"),
  }),
  W({
    name: "handbag → a garment or shoes, never another bag",
    rule: "An accessory completes a garment, not another accessory.",
    spec: productSpec("handbag", { color: "cognac", material: "leather" }),
    each: slotIn("one_piece", "outerwear", "top", "footwear"),
  }),
  W({
    name: "wool coat → what it is worn over, or the boots and scarf that finish it",
    rule: "A coat is styled with what goes under it, or its shoes and accessories.",
    spec: productSpec("wool-coat", { color: "camel", material: "wool" }),
    each: slotIn("top", "one_piece", "bottom", "footwear", "accessory"),
  }),
  W({
    name: "the rationale says why this slot won",
    rule: "A stylist explains the choice of slot against the others.",
    spec: productSpec("dress", { color: "sage", material: "linen" }),
    each: rationaleSays("Category", /(ahead of the best|the only slot|no .* look came up)/),
  }),
  W({
    name: "cotton tee → the cloth varies across seeds",
    rule: "Material comes from the rules (texture, register, season), not one default.",
    spec: productSpec("t-shirt", { color: "white", material: "cotton" }),
    across: distinctMaterials(3),
  }),
  W({
    name: "silk blouse → the cloth varies across seeds",
    rule: "Material comes from the rules, not one default.",
    spec: productSpec("blouse", { color: "navy", material: "silk" }),
    across: distinctMaterials(3),
  }),
  W({
    name: "dress → more than one kind of finishing piece across seeds",
    rule: "A look is finished in more than one way.",
    spec: productSpec("dress", { color: "terracotta", material: "cotton" }),
    across: (plans) =>
      new Set(plans.map((p) => p.complement.categoryName)).size >= 3
        ? null
        : "fewer than three categories over the seeds",
  }),
  W({
    name: "shirt dress → shoes, a belt or a layer",
    rule: "A shirt dress is belted or finished with shoes as often as it is layered.",
    spec: productSpec("shirt-dress", { color: "chambray blue", material: "cotton" }),
    each: slotIn("outerwear", "footwear", "accessory"),
    across: someSlot(["footwear", "accessory"], 2),
  }),
  W({
    name: "jeans → a top most of the time",
    rule: "Jeans need their other half first; shoes and a belt are the exception.",
    spec: productSpec("jeans", { color: "indigo", material: "denim" }),
    across: (plans) =>
      plans.filter((p) => p.complement.slot === "top").length >= 4 ? null : "fewer than half tops",
  }),
  W({
    name: "belt → a garment it is worn with",
    rule: "A belt completes trousers, a dress or a coat, never another accessory.",
    spec: productSpec("belt", { color: "black", material: "leather" }),
    each: slotIn("top", "bottom", "one_piece", "outerwear", "footwear"),
  }),
];
