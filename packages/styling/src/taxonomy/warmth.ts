import type { LengthKey, MaterialKey, PatternKey } from "@garment/schemas";
import { MATERIALS } from "../vocabulary/materials";
import { PATTERNS } from "../vocabulary/patterns";
import type { ScaleRange } from "./category-styling";

/** The seasons a piece is worn in, from its warmth. */
export type WarmthClass = "summer" | "all-season" | "winter";

/** Below this a piece is hot-weather only (linen tank, chiffon blouse, shorts, sandals). */
export const SUMMER_BELOW = 0.9;
/** From this up a piece is cold-weather only (puffer, wool coat, fleece, tweed). */
export const WINTER_FROM = 2.4;

/** How much the cloth moves a category's warmth: most of the way (a linen sweater is not a winter knit). */
const MATERIAL_PULL = 0.6;

/** Bare legs and midriffs are warm-weather: short hems cool a piece, long ones warm it. */
const LENGTH_SHIFT: Partial<Record<LengthKey, number>> = {
  cropped: -0.3,
  short: -0.3,
  mini: -0.4,
  midi: 0.1,
  maxi: 0.15,
  full: 0.1,
};

/**
 * How warm a garment wears (0 hot-weather … 3 cold-weather): the category's usual warmth,
 * pulled towards its cloth's, nudged by the print's seasonal lean and by how much skin the
 * length shows, held inside what the category can be (a puffer is always a winter piece).
 */
export function warmthValue(
  range: ScaleRange,
  material: MaterialKey,
  pattern: PatternKey,
  length: LengthKey | null,
): number {
  const value =
    range.base +
    MATERIAL_PULL * (MATERIALS[material].warmth - range.base) +
    PATTERNS[pattern].warmthShift +
    (length ? (LENGTH_SHIFT[length] ?? 0) : 0);
  return Math.min(range.max, Math.max(range.min, value));
}

export function warmthClass(value: number): WarmthClass {
  return value < SUMMER_BELOW ? "summer" : value >= WINTER_FROM ? "winter" : "all-season";
}

/** A summer piece with a winter one: a linen tank under a puffer, a fleece hoodie over shorts. */
export function seasonsInverted(a: WarmthClass, b: WarmthClass): boolean {
  return (a === "summer" && b === "winter") || (a === "winter" && b === "summer");
}
