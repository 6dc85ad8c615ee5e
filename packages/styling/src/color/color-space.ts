import {
  clampChroma,
  converter,
  differenceCiede2000,
  formatHex,
  type Lab65,
  type Oklch,
} from "culori";

/** Perceptual coordinates we keep for every color: OKLCH for generating, CIELAB (D65) for ΔE. */
export interface OklchCoords {
  l: number;
  c: number;
  /** Hue in degrees; 0 for achromatic colors (culori leaves it undefined). */
  h: number;
}
export interface LabCoords {
  l: number;
  a: number;
  b: number;
}

const toOklchMode = converter("oklch");
const toLab65Mode = converter("lab65");
const ciede2000 = differenceCiede2000();

export function hexToOklch(hex: string): OklchCoords {
  const c = toOklchMode(hex);
  return { l: c?.l ?? 0, c: c?.c ?? 0, h: c?.h ?? 0 };
}

export function hexToLab(hex: string): LabCoords {
  const c = toLab65Mode(hex);
  return { l: c?.l ?? 0, a: c?.a ?? 0, b: c?.b ?? 0 };
}

/** OKLCH → nearest in-gamut sRGB hex (chroma reduced, hue and lightness kept). */
export function oklchToHex(color: OklchCoords): string {
  const l = Math.min(1, Math.max(0, color.l));
  const c = Math.max(0, color.c);
  const inGamut = clampChroma(
    { mode: "oklch", l, c, h: normalizeHue(color.h) } satisfies Oklch,
    "oklch",
  );
  return formatHex(inGamut).toLowerCase();
}

/** CIEDE2000 colour difference between two CIELAB (D65) colours. */
export function deltaE2000(a: LabCoords, b: LabCoords): number {
  const std: Lab65 = { mode: "lab65", l: a.l, a: a.a, b: a.b };
  const smp: Lab65 = { mode: "lab65", l: b.l, a: b.a, b: b.b };
  return ciede2000(std, smp);
}

export function deltaE2000Hex(a: string, b: string): number {
  return deltaE2000(hexToLab(a), hexToLab(b));
}

export function normalizeHue(h: number): number {
  const m = h % 360;
  return m < 0 ? m + 360 : m;
}

/** Smallest angle between two hues, 0..180. */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs(normalizeHue(a) - normalizeHue(b));
  return d > 180 ? 360 - d : d;
}
