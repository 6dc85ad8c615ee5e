import { FASHION_COLORS } from "../color/fashion-colors";
import { deltaE2000, hueDistance, oklchToHex } from "../color/color-space";
import { nearestColor } from "../color/nearest-color-name";
import { colorPoint, type ColorPoint } from "./color-point";
import type { Prng } from "./prng";

export type HarmonyScheme =
  "neutral_anchor" | "analogous" | "complementary" | "monochrome" | "triadic";
export const HARMONY_SCHEMES: readonly HarmonyScheme[] = [
  "neutral_anchor",
  "analogous",
  "complementary",
  "monochrome",
  "triadic",
];

/**
 * Colors closer than this (ΔE2000) read as "the same color" to a shopper: they merge when we
 * count visible colors, and two garments this close but not equal look like a failed match.
 */
export const SAME_COLOR_DELTA_E = 10;

/** The neutrals a stylist anchors a look with (fashion names, resolved lazily). */
const NEUTRAL_ANCHORS = [
  "black",
  "off white",
  "ivory",
  "ecru",
  "charcoal",
  "grey",
  "light grey",
  "navy",
  "camel",
  "beige",
  "taupe",
  "olive",
  "denim blue",
  "chocolate",
  "stone",
  "oatmeal",
  "khaki",
  "tan",
];
/** Muted, wearable colors for the "one color" in two-neutrals-plus-one-color looks. */
const ACCENT_COLORS = [
  "rust",
  "sage",
  "burgundy",
  "mustard",
  "cobalt",
  "emerald",
  "blush",
  "terracotta",
  "teal",
  "lilac",
  "forest green",
  "red",
  "dusty blue",
  "powder blue",
  "coral",
  "plum",
  "butter yellow",
];

let anchors: ColorPoint[] | undefined;
let accents: ColorPoint[] | undefined;
function namedPoints(names: readonly string[]): ColorPoint[] {
  const hexByName = new Map(FASHION_COLORS.map((c) => [c.name, c.hex.toLowerCase()]));
  return names.map((name) => {
    const hex = hexByName.get(name);
    if (!hex) throw new Error(`Anchor color ${name} is not in the fashion list`);
    return colorPoint(hex, name);
  });
}

export function neutralAnchors(): readonly ColorPoint[] {
  return (anchors ??= namedPoints(NEUTRAL_ANCHORS));
}
export function accentColors(): readonly ColorPoint[] {
  return (accents ??= namedPoints(ACCENT_COLORS));
}

/**
 * From this OKLCH chroma a colour is loud (neon, fully saturated red, cobalt, hot pink): one
 * loud piece per look, partnered by a neutral or a quiet tone of its own family.
 */
export const LOUD_CHROMA = 0.15;
/** A quiet tone of the product's family: hue within this many degrees… */
const FAMILY_HUE = 35;
/** …and at most this share of the product's chroma (or under 0.06 outright). */
const QUIET_SHARE = 0.55;
/** Contrasting hues (complementary, triadic) are worn quieter than the product: at most this share of its chroma. */
const CONTRAST_SHARE = 0.8;

export function isLoud(color: ColorPoint): boolean {
  return color.oklch.c >= LOUD_CHROMA;
}

/** A muted tone of the same hue family (burgundy or blush for red, sage for neon green). */
function isQuietFamilyTone(product: ColorPoint, complement: ColorPoint): boolean {
  return (
    !complement.achromatic &&
    hueDistance(product.oklch.h, complement.oklch.h) <= FAMILY_HUE &&
    (complement.oklch.c <= 0.06 || complement.oklch.c <= QUIET_SHARE * product.oklch.c)
  );
}

/** Snap a generated OKLCH target onto the nearest curated fashion color (so it has a real name). */
function snap(l: number, c: number, h: number): ColorPoint {
  const near = nearestColor(oklchToHex({ l: clamp(l, 0.12, 0.97), c: Math.max(0, c), h }));
  return colorPoint(near.hex, near.name);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Lightness shift away from the product, toward whichever end has more room. */
function contrastingLightness(l: number, prng: Prng, min: number, max: number): number {
  const shift = prng.range(min, max);
  const goDarker = l > 0.55 ? prng.next() < 0.8 : prng.next() < 0.2;
  const target = goDarker ? l - shift : l + shift;
  return target < 0.15 || target > 0.96 ? (goDarker ? l + shift : l - shift) : target;
}

/** Proposes a complement color for an intended scheme; classification later says what it became. */
export function proposeColor(product: ColorPoint, scheme: HarmonyScheme, prng: Prng): ColorPoint {
  const { l, c, h } = product.oklch;
  const pick = (list: readonly ColorPoint[], weight: (p: ColorPoint) => number) => {
    const weights = list.map(weight);
    return list[prng.weightedIndex(weights)] ?? list[0] ?? product;
  };
  switch (scheme) {
    case "neutral_anchor": {
      // A neutral product anchors a color; a colored product gets a neutral with value contrast.
      const list = product.neutral && prng.next() < 0.5 ? accentColors() : neutralAnchors();
      return pick(list, (p) => {
        const dl = Math.abs(p.oklch.l - l);
        const far = deltaE2000(p.lab, product.lab) >= SAME_COLOR_DELTA_E;
        return far ? 0.15 + Math.min(dl, 0.5) : 0;
      });
    }
    case "monochrome":
      // A loud product's own family only in a quiet tone (burgundy under a red, sage under neon).
      return snap(
        contrastingLightness(l, prng, 0.18, 0.38),
        isLoud(product) ? c * prng.range(0.2, 0.5) : c * prng.range(0.5, 1),
        h,
      );
    case "analogous":
      return snap(
        contrastingLightness(l, prng, 0.08, 0.25),
        Math.max(0.04, c * prng.range(0.6, 1)),
        h + (prng.next() < 0.5 ? -1 : 1) * prng.range(25, 45),
      );
    case "complementary":
      // Opposites are loud: mute the complement and shift its tone (orange with indigo).
      return snap(
        contrastingLightness(l, prng, 0.15, 0.35),
        Math.max(0.04, c * prng.range(0.4, 0.7)),
        h + 180 + prng.range(-15, 15),
      );
    case "triadic":
      return snap(
        contrastingLightness(l, prng, 0.1, 0.3),
        Math.max(0.04, c * prng.range(0.45, 0.7)),
        h + (prng.next() < 0.5 ? -120 : 120) + prng.range(-10, 10),
      );
  }
}

/** Which harmony two colors actually form. */
export function classifyHarmony(a: ColorPoint, b: ColorPoint): HarmonyScheme {
  const bothChromatic = !a.achromatic && !b.achromatic;
  const dh = hueDistance(a.oklch.h, b.oklch.h);
  if (bothChromatic && dh <= 20) return "monochrome";
  if (a.neutral || b.neutral) return "neutral_anchor";
  if (dh <= 75) return "analogous";
  if (dh <= 145) return "triadic";
  return "complementary";
}

export interface ColorAssessment {
  score: number;
  harmony: HarmonyScheme;
  reason: string;
}

/** How well a complement color works with the product, and why. 0 = reject. */
export function assessColor(product: ColorPoint, complement: ColorPoint): ColorAssessment {
  const harmony = classifyHarmony(product, complement);
  const dE = deltaE2000(product.lab, complement.lab);
  const dl = Math.abs(product.oklch.l - complement.oklch.l);
  if (dE < SAME_COLOR_DELTA_E) {
    return {
      score: 0,
      harmony,
      reason: `${complement.name} is too close to ${product.name} (ΔE ${dE.toFixed(1)})`,
    };
  }
  if (isLoud(product) && !complement.neutral && !isQuietFamilyTone(product, complement)) {
    return {
      score: 0,
      harmony,
      reason: `${complement.name} would be a second loud note beside ${product.name}; a loud product takes a neutral or a quiet tone of its own family`,
    };
  }
  if (
    (harmony === "complementary" || harmony === "triadic") &&
    complement.oklch.c > CONTRAST_SHARE * product.oklch.c
  ) {
    return {
      score: 0,
      harmony,
      reason: `${complement.name} is a ${harmony} hue as strong as ${product.name}; contrasting hues are worn quieter than the product`,
    };
  }
  // Value contrast: below ~0.08 OKLCH lightness the pieces blur together (navy with black).
  const value = dl < 0.05 ? 0.2 : dl < 0.1 ? 0.55 : dl < 0.15 ? 0.8 : dl <= 0.6 ? 1 : 0.85;
  // Chroma contrast: two loud colors compete; one loud and one quiet is the 60-30-10 idea.
  const loud = Math.min(product.oklch.c, complement.oklch.c);
  const chroma = loud > 0.16 ? 0.45 : loud > 0.12 ? 0.7 : 1;
  const dh = hueDistance(product.oklch.h, complement.oklch.h);
  let scheme: number;
  switch (harmony) {
    case "neutral_anchor":
      scheme = 0.95;
      break;
    case "monochrome":
      scheme = dl >= 0.12 ? 0.9 : 0.6;
      break;
    case "analogous":
      scheme = dh <= 50 ? 0.88 : 0.55; // 50–75° is neither blending nor contrasting
      break;
    case "triadic":
      scheme = dh >= 105 ? 0.75 : 0.45;
      break;
    case "complementary":
      scheme = 0.8;
      break;
  }
  const score = 0.45 * scheme + 0.35 * value + 0.2 * chroma;
  const tone = complement.oklch.l > product.oklch.l ? "lighter" : "darker";
  const loudNote = isLoud(product)
    ? complement.neutral
      ? ", a neutral that lets the loud colour lead"
      : ", a quiet tone of its own family that lets the loud colour lead"
    : "";
  const reason =
    harmony === "neutral_anchor"
      ? `${cap(complement.name)} against ${product.name}: a neutral anchor, ${tone} for value contrast${loudNote}`
      : `${cap(complement.name)} with ${product.name}: ${harmony} harmony (hues ${Math.round(dh)}° apart), ${tone} and ${complement.oklch.c < product.oklch.c ? "quieter" : "brighter"}${loudNote}`;
  return { score, harmony, reason };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
