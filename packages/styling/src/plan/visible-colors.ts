import type { ResolvedGarment } from "@garment/schemas";
import { deltaE2000 } from "../color/color-space";
import { SAME_COLOR_DELTA_E } from "./color-harmony";
import { colorPoint } from "./color-point";

/**
 * The distinct colors a look shows (main and pattern accent colors of both garments), where
 * colors closer than ΔE2000 10 count once: a tonal herringbone is one color, not two.
 */
export function visibleColors(garments: readonly ResolvedGarment[]): string[] {
  const hexes = garments.flatMap((g) =>
    g.accentColorHex ? [g.colorHex, g.accentColorHex] : [g.colorHex],
  );
  const kept: { hex: string; lab: ReturnType<typeof colorPoint>["lab"] }[] = [];
  for (const hex of hexes) {
    const lab = colorPoint(hex).lab;
    if (!kept.some((k) => deltaE2000(k.lab, lab) < SAME_COLOR_DELTA_E)) kept.push({ hex, lab });
  }
  return kept.map((k) => k.hex);
}
