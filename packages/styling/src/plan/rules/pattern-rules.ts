import type { MaterialKey, PatternKey } from "@garment/schemas";
import { PATTERNS } from "../../vocabulary/patterns";

/**
 * Which patterns a complement may have next to the product's: one hero pattern per look, so a
 * patterned product gets a solid or a small tonal weave of a different scale.
 */
export function patternAllowed(product: PatternKey, candidate: PatternKey): boolean {
  if (candidate === "solid") return true;
  if (product === "solid") return true;
  const p = PATTERNS[product];
  const c = PATTERNS[candidate];
  return c.tonal && !c.hero && c.scale === "small" && p.scale !== c.scale;
}

export interface PatternAssessment {
  score: number;
  reason: string;
}

export function assessPattern(product: PatternKey, candidate: PatternKey): PatternAssessment {
  const label = (k: PatternKey) => k.replace("_", " ");
  if (!patternAllowed(product, candidate)) {
    return { score: 0, reason: `${label(candidate)} would compete with the ${label(product)}` };
  }
  if (product !== "solid") {
    return candidate === "solid"
      ? { score: 1, reason: `Solid, so the ${label(product)} stays the hero` }
      : {
          score: 0.85,
          reason: `Small tonal ${label(candidate)}: texture, not a second print, under the ${label(product)}`,
        };
  }
  if (candidate === "solid")
    return { score: 0.85, reason: "Solid against a solid: clean and calm" };
  const c = PATTERNS[candidate];
  return c.hero
    ? { score: 0.8, reason: `${cap(label(candidate))} as the one hero print over a solid product` }
    : {
        score: 0.85,
        reason: `${cap(label(candidate))} adds quiet interest to a solid product${c.behavesAsNeutral ? " and pairs like a neutral" : ""}`,
      };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const WOVEN_CLOTHS: readonly MaterialKey[] = [
  "wool",
  "tweed",
  "cotton",
  "linen",
  "cashmere",
  "boucle",
  "polyester",
  "canvas",
  "silk",
];
const PRINT_GROUNDS: readonly MaterialKey[] = [
  "cotton",
  "silk",
  "satin",
  "chiffon",
  "jersey",
  "linen",
  "polyester",
  "nylon",
  "velvet",
];

/**
 * Which cloths a pattern is actually made in: woven checks and tweedy weaves on wool and
 * cotton (a houndstooth satin is not a thing), prints on smooth grounds, animal prints also on
 * hides and faux fur, Fair Isle-style geometrics in knits.
 */
const PATTERN_MATERIALS: Readonly<Record<Exclude<PatternKey, "solid">, readonly MaterialKey[]>> = {
  stripes: [
    "cotton",
    "jersey",
    "knit",
    "linen",
    "silk",
    "satin",
    "polyester",
    "nylon",
    "wool",
    "cashmere",
    "canvas",
  ],
  pinstripe: ["wool", "cotton", "linen", "polyester", "cashmere"],
  check: WOVEN_CLOTHS,
  gingham: ["cotton", "linen", "polyester", "silk"],
  plaid: [...WOVEN_CLOTHS, "fleece"],
  houndstooth: ["wool", "tweed", "cotton", "boucle", "polyester", "cashmere", "silk"],
  herringbone: ["wool", "tweed", "cotton", "linen", "cashmere"],
  polka_dot: PRINT_GROUNDS,
  floral: PRINT_GROUNDS,
  paisley: [...PRINT_GROUNDS, "wool", "cashmere"],
  animal: [...PRINT_GROUNDS, "leather", "suede", "fleece", "canvas"],
  camouflage: ["cotton", "canvas", "nylon", "polyester", "jersey", "fleece", "denim"],
  geometric: [...PRINT_GROUNDS, "knit", "wool", "cashmere"],
  abstract: [...PRINT_GROUNDS, "canvas"],
  tie_dye: ["cotton", "jersey", "silk", "linen", "fleece", "denim"],
  color_block: [
    "cotton",
    "jersey",
    "knit",
    "wool",
    "cashmere",
    "nylon",
    "polyester",
    "leather",
    "suede",
    "canvas",
    "denim",
    "satin",
    "silk",
    "fleece",
    "linen",
  ],
};

export function patternSuitsMaterial(pattern: PatternKey, material: MaterialKey): boolean {
  return pattern === "solid" || PATTERN_MATERIALS[pattern].includes(material);
}
