import { hexToLab, hexToOklch, type LabCoords, type OklchCoords } from "../color/color-space";
import { isNeutralColor } from "../color/neutral";
import { nearestColor } from "../color/nearest-color-name";

/** A garment color with everything the rules need, computed once per hex. */
export interface ColorPoint {
  hex: string;
  name: string;
  oklch: OklchCoords;
  lab: LabCoords;
  neutral: boolean;
  /** Too little chroma for a hue to mean anything (black, white, greys). */
  achromatic: boolean;
}

const cache = new Map<string, ColorPoint>();

export function colorPoint(hex: string, name?: string): ColorPoint {
  const key = hex.toLowerCase();
  const hit = cache.get(key);
  if (hit && (name === undefined || hit.name === name)) return hit;
  const oklch = hexToOklch(key);
  const point: ColorPoint = {
    hex: key,
    name: name ?? nearestColor(key).name,
    oklch,
    lab: hexToLab(key),
    neutral: isNeutralColor(oklch),
    achromatic: oklch.c < 0.035,
  };
  if (cache.size > 20_000) cache.clear();
  if (name === undefined) cache.set(key, point);
  return point;
}
