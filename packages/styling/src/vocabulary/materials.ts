import type { MaterialKey } from "@garment/schemas";
import { findSynonyms, normalizeFreeText, type VocabularyEntry } from "./free-text";

export type Sheen = "matte" | "sheen";
export type FabricWeight = "light" | "medium" | "heavy";

export interface MaterialProperties {
  description: string;
  sheen: Sheen;
  weight: FabricWeight;
  /** Napped or hairy surfaces; two of them together read as a blur (mohair + fleece). */
  fuzzy: boolean;
  /** Structured "anchor" materials that hold soft pieces (leather, denim, canvas). */
  hard: boolean;
  /** So distinctive that a second piece of it in one look reads as a costume. */
  statement: boolean;
  /** Fiber names rank below fabric constructions when text names both ("cotton jersey"). */
  specificity: number;
  synonyms: readonly string[];
}

export const MATERIALS: Readonly<Record<MaterialKey, MaterialProperties>> = {
  cotton: {
    description: "Breathable plant fiber with a matte, crisp or soft hand (poplin, oxford, twill).",
    sheen: "matte",
    weight: "medium",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 1,
    synonyms: [
      "cotton",
      "poplin",
      "oxford",
      "oxford cloth",
      "twill",
      "chino",
      "chinos",
      "pique",
      "seersucker",
      "broadcloth",
      "muslin",
      "lawn",
      "cotton blend",
      "organic cotton",
      "terry",
      "drill",
      "gabardine cotton",
      "supima",
      "pima",
    ],
  },
  denim: {
    description: "Sturdy indigo cotton twill; casual, hard-wearing and a wardrobe neutral.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: true,
    statement: false,
    specificity: 3,
    synonyms: [
      "denim",
      "jean",
      "jeans",
      "selvedge",
      "selvage",
      "raw denim",
      "stretch denim",
      "chambray",
    ],
  },
  linen: {
    description: "Cool, slubby flax fabric with a relaxed crease; the summer staple.",
    sheen: "matte",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 2,
    synonyms: ["linen", "flax", "ramie", "hemp", "linen blend"],
  },
  silk: {
    description: "Fine natural filament with a soft luster and fluid drape.",
    sheen: "sheen",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 2,
    synonyms: [
      "silk",
      "crepe de chine",
      "habotai",
      "tussah",
      "silk crepe",
      "mulberry silk",
      "washed silk",
      "crepe",
    ],
  },
  satin: {
    description: "Smooth weave with a liquid high shine (silk, acetate or polyester satin).",
    sheen: "sheen",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: [
      "satin",
      "sateen",
      "charmeuse",
      "duchess",
      "duchesse",
      "silk satin",
      "acetate",
      "taffeta",
    ],
  },
  wool: {
    description: "Warm animal fiber; worsted suiting, flannel, felt and coating cloths.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 1,
    synonyms: [
      "wool",
      "merino",
      "merino wool",
      "worsted",
      "flannel",
      "gabardine",
      "felt",
      "lambswool",
      "lamb wool",
      "alpaca",
      "camel hair",
      "melton",
      "virgin wool",
      "wool blend",
      "loden",
    ],
  },
  cashmere: {
    description: "Ultra-soft goat fiber with a quiet matte luxury.",
    sheen: "matte",
    weight: "medium",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: ["cashmere", "cashmere blend", "pashmina"],
  },
  knit: {
    description: "Looped yarn fabric: cable, rib, chunky or fine-gauge knitwear.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 2,
    synonyms: [
      "knit",
      "knitted",
      "knitwear",
      "cable knit",
      "cable",
      "rib knit",
      "ribbed",
      "rib",
      "chunky knit",
      "crochet",
      "waffle",
      "waffle knit",
      "pointelle",
      "fine knit",
      "acrylic",
    ],
  },
  leather: {
    description: "Smooth hide (or faux) with a soft gleam; the hard anchor of a look.",
    sheen: "sheen",
    weight: "heavy",
    fuzzy: false,
    hard: true,
    statement: true,
    specificity: 3,
    synonyms: [
      "leather",
      "faux leather",
      "vegan leather",
      "pleather",
      "pu",
      "pu leather",
      "patent",
      "patent leather",
      "nappa",
      "lambskin",
      "calfskin",
      "cowhide",
      "leatherette",
      "vinyl",
      "pvc",
    ],
  },
  suede: {
    description: "Napped leather with a velvety matte face.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: false,
    statement: true,
    specificity: 4,
    synonyms: ["suede", "faux suede", "nubuck", "microsuede", "suede leather"],
  },
  corduroy: {
    description: "Cotton with raised ribs (wales); textured, warm, a little retro.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: ["corduroy", "cord", "cords", "needlecord", "jumbo cord", "wide wale"],
  },
  velvet: {
    description: "Dense short pile that catches the light; evening texture.",
    sheen: "sheen",
    weight: "medium",
    fuzzy: false,
    hard: false,
    statement: true,
    specificity: 3,
    synonyms: ["velvet", "velour", "velveteen", "crushed velvet"],
  },
  tweed: {
    description: "Rough woven wool in flecked yarns; heritage country cloth.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: ["tweed", "harris tweed", "donegal", "donegal tweed"],
  },
  fleece: {
    description: "Soft brushed pile (polar fleece, sherpa, faux shearling).",
    sheen: "matte",
    weight: "medium",
    fuzzy: true,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: [
      "fleece",
      "polar fleece",
      "sherpa",
      "teddy",
      "shearling",
      "faux shearling",
      "faux fur",
      "fur",
      "microfleece",
    ],
  },
  mohair: {
    description: "Hairy, airy goat yarn with a halo; the fuzziest knit.",
    sheen: "matte",
    weight: "medium",
    fuzzy: true,
    hard: false,
    statement: true,
    specificity: 4,
    synonyms: ["mohair", "angora", "brushed mohair", "brushed knit", "fluffy knit"],
  },
  boucle: {
    description: "Looped, nubby yarn fabric (the classic textured jacket cloth).",
    sheen: "matte",
    weight: "heavy",
    fuzzy: true,
    hard: false,
    statement: true,
    specificity: 4,
    synonyms: ["boucle", "teddy boucle", "nubby"],
  },
  chiffon: {
    description: "Sheer, floaty lightweight weave (chiffon, georgette, organza, tulle).",
    sheen: "sheen",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 3,
    synonyms: [
      "chiffon",
      "georgette",
      "organza",
      "tulle",
      "voile",
      "mesh",
      "lace",
      "sheer",
      "organdy",
    ],
  },
  jersey: {
    description: "Stretchy single knit (T-shirt fabric, modal, viscose jersey).",
    sheen: "matte",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 2,
    synonyms: [
      "jersey",
      "modal",
      "viscose",
      "rayon",
      "tencel",
      "lyocell",
      "bamboo",
      "lycra",
      "spandex",
      "elastane",
      "stretch jersey",
      "interlock",
      "slub jersey",
      "cotton jersey",
    ],
  },
  nylon: {
    description: "Technical synthetic with a slight sheen (ripstop, shell, down-proof).",
    sheen: "sheen",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 2,
    synonyms: [
      "nylon",
      "ripstop",
      "technical",
      "gore tex",
      "goretex",
      "softshell",
      "shell",
      "down filled",
      "goose down",
      "neoprene",
      "recycled nylon",
      "quilted",
    ],
  },
  polyester: {
    description: "Versatile synthetic; smooth, low-crease, slightly shiny.",
    sheen: "sheen",
    weight: "light",
    fuzzy: false,
    hard: false,
    statement: false,
    specificity: 1,
    synonyms: [
      "polyester",
      "poly",
      "microfiber",
      "microfibre",
      "scuba",
      "crepe polyester",
      "recycled polyester",
      "synthetic",
    ],
  },
  canvas: {
    description: "Heavy plain-weave cotton (duck, waxed canvas); rugged and structured.",
    sheen: "matte",
    weight: "heavy",
    fuzzy: false,
    hard: true,
    statement: false,
    specificity: 3,
    synonyms: [
      "canvas",
      "duck",
      "duck canvas",
      "waxed cotton",
      "waxed canvas",
      "raffia",
      "straw",
      "jute",
    ],
  },
  sequin: {
    description: "Sewn-on reflective discs or beads; maximum shine, one per look.",
    sheen: "sheen",
    weight: "medium",
    fuzzy: false,
    hard: false,
    statement: true,
    specificity: 4,
    synonyms: [
      "sequin",
      "sequins",
      "sequined",
      "sequinned",
      "sparkle",
      "glitter",
      "lame",
      "metallic",
      "beaded",
      "embellished",
      "paillette",
    ],
  },
};

const MATERIAL_SYNONYMS = (Object.entries(MATERIALS) as [MaterialKey, MaterialProperties][]).map(
  ([key, props]) => [key, props.synonyms] as const,
);

export interface NormalizedMaterial {
  key: MaterialKey;
  recognized: boolean;
}

/** Fallback when nothing in the text names a material: cotton is the most common garment cloth. */
export const DEFAULT_MATERIAL: MaterialKey = "cotton";

/**
 * Maps free text onto a material key: "100% merino wool" → wool, "jean" → denim,
 * "faux leather" → leather, "cotton jersey" → jersey (the construction beats the fiber).
 */
export function normalizeMaterial(text: string): NormalizedMaterial {
  const matches = findSynonyms(normalizeFreeText(text), MATERIAL_SYNONYMS);
  let best: (typeof matches)[number] | undefined;
  for (const m of matches) {
    if (
      !best ||
      MATERIALS[m.key].specificity > MATERIALS[best.key].specificity ||
      (MATERIALS[m.key].specificity === MATERIALS[best.key].specificity && m.length > best.length)
    ) {
      best = m;
    }
  }
  return best ? { key: best.key, recognized: true } : { key: DEFAULT_MATERIAL, recognized: false };
}

export function materialVocabulary(): VocabularyEntry[] {
  return (Object.entries(MATERIALS) as [MaterialKey, MaterialProperties][]).map(([value, p]) => ({
    value,
    description: p.description,
  }));
}
