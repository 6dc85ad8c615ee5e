import type { PatternKey } from "@garment/schemas";
import { oklchToHex } from "../color/color-space";
import { nearestColor } from "../color/nearest-color-name";
import type { ColorPoint } from "./color-point";

const IVORY_GROUND = "#f3efe6";
const INK_GROUND = "#252b3b";

/** A lighter or darker shade of the same color: tonal weaves read as texture, not a second color. */
export function tonalShade(main: ColorPoint): string {
  const { l, c, h } = main.oklch;
  return oklchToHex({ l: l > 0.55 ? l - 0.05 : l + 0.05, c: c * 0.95, h });
}

/**
 * The second color of a product's pattern, which the request does not give us. Two-tone
 * patterns sit on an ivory (or, for pale colors, ink) ground; tonal weaves use a shade of
 * the main color; multicolor prints get a characteristic second hue. Snapped to a named
 * color so the rationale can talk about it.
 */
export function productAccentHex(pattern: PatternKey, main: ColorPoint): string | null {
  const { l, c, h } = main.oklch;
  const ground = l > 0.8 ? INK_GROUND : IVORY_GROUND;
  const muted = (dh: number, dl: number, cScale: number) =>
    nearestColor(
      oklchToHex({
        l: Math.min(0.9, Math.max(0.2, l + dl)),
        c: Math.max(0.05, c * cScale),
        h: h + dh,
      }),
    ).hex;
  switch (pattern) {
    case "solid":
      return null;
    case "stripes":
    case "pinstripe":
    case "gingham":
    case "polka_dot":
    case "check":
    case "houndstooth":
      return ground;
    case "herringbone":
      return tonalShade(main);
    case "animal":
      return "#2b1d14";
    case "camouflage":
      return muted(10, -0.15, 0.8);
    case "floral":
      return muted(120, 0.05, 0.8);
    case "paisley":
      return muted(35, -0.15, 0.9);
    case "tie_dye":
      return muted(60, 0.05, 1);
    case "plaid":
    case "geometric":
    case "abstract":
    case "color_block":
      return muted(180, l > 0.5 ? -0.25 : 0.25, 0.6);
  }
}
