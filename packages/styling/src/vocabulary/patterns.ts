import type { PatternKey } from "@garment/schemas";
import { findSynonyms, normalizeFreeText, type VocabularyEntry } from "./free-text";

export type PatternScale = "none" | "small" | "large";

export interface PatternProperties {
  description: string;
  scale: PatternScale;
  /** Stripes pair with almost anything, like a neutral. */
  behavesAsNeutral: boolean;
  /** A statement print that should be the only one in the look. */
  hero: boolean;
  /** Can be woven in two shades of one color, so it reads as texture rather than a second print. */
  tonal: boolean;
  /**
   * Where the print pulls a garment on the formality scale (0 athleisure … 4 evening): tie-dye
   * and camouflage down, pinstripe and houndstooth up. Null for solid: no pull either way.
   */
  formality: number | null;
  /** Seasonal lean of the print: florals, gingham and tie-dye read summer; tartan and tweedy weaves winter. */
  warmthShift: number;
  synonyms: readonly string[];
}

export const PATTERNS: Readonly<Record<PatternKey, PatternProperties>> = {
  solid: {
    description: "One color, no print.",
    scale: "none",
    behavesAsNeutral: true,
    hero: false,
    tonal: false,
    formality: null,
    warmthShift: 0,
    synonyms: [
      "solid",
      "plain",
      "none",
      "no pattern",
      "unpatterned",
      "block color",
      "block colour",
      "single color",
      "single colour",
      "uni",
      "blank",
      "solid color",
      "solid colour",
    ],
  },
  stripes: {
    description:
      "Horizontal or vertical stripes (Breton, rugby, candy); reads almost as a neutral.",
    scale: "large",
    behavesAsNeutral: true,
    hero: false,
    tonal: false,
    formality: 1.5,
    warmthShift: 0,
    synonyms: [
      "stripe",
      "stripes",
      "striped",
      "breton",
      "breton stripe",
      "nautical",
      "marinière",
      "mariniere",
      "rugby stripe",
      "candy stripe",
      "awning stripe",
      "bengal stripe",
      "pencil stripe",
    ],
  },
  pinstripe: {
    description: "Fine, widely spaced tailoring stripes.",
    scale: "small",
    behavesAsNeutral: true,
    hero: false,
    tonal: true,
    formality: 3,
    warmthShift: 0,
    synonyms: ["pinstripe", "pin stripe", "pinstriped", "chalk stripe", "chalkstripe"],
  },
  check: {
    description: "Regular woven checks (windowpane, glen check, tattersall).",
    scale: "large",
    behavesAsNeutral: false,
    hero: false,
    tonal: true,
    formality: 2,
    warmthShift: 0.1,
    synonyms: [
      "check",
      "checks",
      "checked",
      "checkered",
      "chequered",
      "windowpane",
      "glen check",
      "glen plaid",
      "prince of wales",
      "tattersall",
      "grid",
    ],
  },
  gingham: {
    description: "Small even two-color checks; picnic-fresh.",
    scale: "small",
    behavesAsNeutral: false,
    hero: false,
    tonal: false,
    formality: 1,
    warmthShift: -0.2,
    synonyms: ["gingham", "vichy", "picnic check"],
  },
  plaid: {
    description: "Multicolor crossing bands (tartan, buffalo check, madras).",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1,
    warmthShift: 0.25,
    synonyms: [
      "plaid",
      "tartan",
      "buffalo check",
      "buffalo plaid",
      "madras",
      "flannel check",
      "lumberjack",
    ],
  },
  houndstooth: {
    description: "Broken two-tone checks in a jagged tooth shape.",
    scale: "small",
    behavesAsNeutral: false,
    hero: false,
    tonal: true,
    formality: 2.5,
    warmthShift: 0.2,
    synonyms: [
      "houndstooth",
      "hounds tooth",
      "dogtooth",
      "dog tooth",
      "pied de poule",
      "puppytooth",
    ],
  },
  herringbone: {
    description: "Broken zigzag twill, usually tonal; texture more than print.",
    scale: "small",
    behavesAsNeutral: true,
    hero: false,
    tonal: true,
    formality: 2.5,
    warmthShift: 0.2,
    synonyms: ["herringbone", "herring bone", "fishbone"],
  },
  polka_dot: {
    description: "Evenly spaced dots on a ground.",
    scale: "small",
    behavesAsNeutral: false,
    hero: false,
    tonal: false,
    formality: 2,
    warmthShift: 0,
    synonyms: [
      "polka dot",
      "polka dots",
      "polka",
      "dot",
      "dots",
      "dotted",
      "spot",
      "spots",
      "spotted",
      "pin dot",
      "pindot",
      "micro dot",
    ],
  },
  floral: {
    description: "Flower and botanical prints, from ditsy to bold.",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1.5,
    warmthShift: -0.2,
    synonyms: [
      "floral",
      "florals",
      "flower",
      "flowers",
      "flowered",
      "botanical",
      "ditsy",
      "ditsy floral",
      "rose print",
      "liberty",
      "tropical",
      "leaf",
      "leaves",
      "hibiscus",
      "blossom",
      "daisy",
    ],
  },
  paisley: {
    description: "Curved teardrop motifs (bandana, boteh).",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1.5,
    warmthShift: 0,
    synonyms: ["paisley", "bandana", "bandanna", "boteh"],
  },
  animal: {
    description: "Leopard, zebra, snake and other animal-skin prints.",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 2,
    warmthShift: 0,
    synonyms: [
      "animal",
      "animal print",
      "leopard",
      "cheetah",
      "zebra",
      "tiger",
      "snake",
      "snakeskin",
      "python",
      "croc",
      "crocodile",
      "giraffe",
      "cow print",
      "ocelot",
    ],
  },
  camouflage: {
    description: "Military camouflage blotches.",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 0,
    warmthShift: 0,
    synonyms: ["camouflage", "camo", "woodland camo", "desert camo"],
  },
  geometric: {
    description: "Repeating shapes (chevron, argyle, Fair Isle, ikat, Aztec).",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1.5,
    warmthShift: 0.1,
    synonyms: [
      "geometric",
      "geo",
      "chevron",
      "zigzag",
      "zig zag",
      "argyle",
      "diamond",
      "diamonds",
      "fair isle",
      "ikat",
      "aztec",
      "hexagon",
      "triangles",
      "jacquard",
      "intarsia",
      "tile",
    ],
  },
  abstract: {
    description: "Painterly or graphic non-figurative prints.",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1.5,
    warmthShift: 0,
    synonyms: [
      "abstract",
      "graphic",
      "print",
      "printed",
      "brushstroke",
      "brush stroke",
      "marble",
      "marbled",
      "swirl",
      "psychedelic",
      "watercolor",
      "watercolour",
      "splatter",
    ],
  },
  tie_dye: {
    description: "Dyed bursts and spirals (tie-dye, shibori, dip-dye).",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 0,
    warmthShift: -0.25,
    synonyms: [
      "tie dye",
      "tiedye",
      "tie dyed",
      "shibori",
      "dip dye",
      "dip dyed",
      "batik",
      "ombre",
      "spiral dye",
    ],
  },
  color_block: {
    description: "Large panels of contrasting solid colors.",
    scale: "large",
    behavesAsNeutral: false,
    hero: true,
    tonal: false,
    formality: 1,
    warmthShift: 0,
    synonyms: [
      "color block",
      "colour block",
      "colorblock",
      "colourblock",
      "color blocked",
      "colour blocked",
      "two tone",
      "patchwork",
      "panelled",
      "paneled",
      "contrast panel",
    ],
  },
};

const PATTERN_SYNONYMS = (Object.entries(PATTERNS) as [PatternKey, PatternProperties][]).map(
  ([key, p]) => [key, p.synonyms] as const,
);

export interface NormalizedPattern {
  key: PatternKey;
  recognized: boolean;
}

/**
 * Maps free text onto a pattern key: "breton stripe" → stripes, "leopard" → animal,
 * "tartan" → plaid, "dots" → polka_dot, "plain" → solid. Unknown text is treated as solid
 * (recognized: false): drawing an invented print would be worse than drawing none.
 */
export function normalizePattern(text: string): NormalizedPattern {
  const matches = findSynonyms(normalizeFreeText(text), PATTERN_SYNONYMS);
  let best: (typeof matches)[number] | undefined;
  // Longest phrase wins ("buffalo check" → plaid over "check"); generic "print" loses to any
  // named print ("floral print" → floral).
  for (const m of matches) {
    const score = m.key === "abstract" && m.length <= 7 ? 0 : m.length;
    const bestScore = best ? (best.key === "abstract" && best.length <= 7 ? 0 : best.length) : -1;
    if (score > bestScore) best = m;
  }
  return best ? { key: best.key, recognized: true } : { key: "solid", recognized: false };
}

export function isPatterned(key: PatternKey): boolean {
  return key !== "solid";
}

export function patternVocabulary(): VocabularyEntry[] {
  return (Object.entries(PATTERNS) as [PatternKey, PatternProperties][]).map(([value, p]) => ({
    value,
    description: p.description,
  }));
}
