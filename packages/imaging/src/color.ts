import { clampChroma, converter, differenceCiede2000, formatHex, type Oklch } from "culori";

const toOklch = converter("oklch");
const ciede2000 = differenceCiede2000();

export type Rgb = { r: number; g: number; b: number };

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

export function rgbToHex({ r, g, b }: Rgb): string {
  const channel = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

export function oklchOf(hex: string): Oklch {
  const color = toOklch(hex);
  if (!color) throw new Error(`not a color: ${hex}`);
  return color;
}

function fromOklch(color: Oklch): string {
  return formatHex(clampChroma(color, "oklch"));
}

/** Same hue, lightness moved by `delta` (OKLCH L is 0..1). */
export function shiftLightness(hex: string, delta: number): string {
  const color = oklchOf(hex);
  return fromOklch({ ...color, l: Math.max(0, Math.min(1, color.l + delta)) });
}

/** Relative luminance-ish lightness 0..1 (OKLCH L). */
export function lightnessOf(hex: string): number {
  return oklchOf(hex).l;
}

/**
 * The second color of a pattern when the plan gives none: a contrast tone of the same hue,
 * lighter on dark garments and darker on light ones, so the main color stays dominant.
 */
export function derivedAccent(hex: string): string {
  const l = lightnessOf(hex);
  return shiftLightness(hex, l < 0.55 ? 0.28 : -0.3);
}

/** A quiet tonal partner (herringbone, pinstripe, tonal prints). */
export function tonalAccent(hex: string): string {
  const l = lightnessOf(hex);
  return shiftLightness(hex, l < 0.5 ? 0.12 : -0.12);
}

export function deltaE2000(a: string, b: string): number {
  return ciede2000(a, b);
}

export function mixHex(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex({ r: x.r + (y.r - x.r) * t, g: x.g + (y.g - x.g) * t, b: x.b + (y.b - x.b) * t });
}
