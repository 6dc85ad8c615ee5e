import { hexToOklch, hueDistance, normalizeHue } from "./color-space";

/**
 * Matsuda's hue templates, as Cohen-Or et al. ("Color Harmonization", 2006) parameterise them:
 * sectors of the HSV hue wheel (centre offset, width in degrees) that may rotate freely. A set
 * of colours is harmonious under a template when every hue falls inside one of its sectors.
 * We use it as an outside model of harmony, beside our own scheme rules.
 */
export const HUE_TEMPLATES = {
  i: [[0, 18]],
  I: [
    [0, 18],
    [180, 18],
  ],
  V: [[0, 93.6]],
  L: [
    [0, 18],
    [90, 79.2],
  ],
  Y: [
    [0, 93.6],
    [180, 18],
  ],
  T: [[0, 180]],
  X: [
    [0, 93.6],
    [180, 93.6],
  ],
} as const satisfies Record<string, readonly (readonly [number, number])[]>;
export type HueTemplateName = keyof typeof HUE_TEMPLATES | "N";

/** Most restrictive first: when several templates fit, the tightest one names the look. */
const ORDER: readonly (keyof typeof HUE_TEMPLATES)[] = ["i", "I", "V", "L", "Y", "T", "X"];

/** Below this OKLCH chroma a colour has no hue worth placing (black, white, greys, ecru). */
const HUED_CHROMA = 0.035;

export interface HueTemplateFit {
  /** The tightest template the hues fit, or the nearest one when none fits; N = no hues at all. */
  template: HueTemplateName;
  /** Every hue falls inside the template's sectors (the strict reading). */
  fits: boolean;
  /** Saturation-weighted mean distance (degrees) of the hues outside the best template's sectors. */
  offDegrees: number;
  /** Rotation of the template on the HSV wheel (degrees). */
  rotation: number;
}

interface HuedColor {
  hue: number;
  saturation: number;
}

function hsv(hex: string): { hue: number; saturation: number } {
  const v = parseInt(hex.slice(1), 16);
  const r = ((v >> 16) & 255) / 255;
  const g = ((v >> 8) & 255) / 255;
  const b = (v & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = 60 * (((g - b) / d) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  return { hue: normalizeHue(hue), saturation: max === 0 ? 0 : d / max };
}

/** Distance (degrees) from a hue to the nearest sector of a template rotated by `rotation`. */
function distanceOutside(
  hue: number,
  sectors: readonly (readonly [number, number])[],
  rotation: number,
): number {
  let best = Infinity;
  for (const [offset, width] of sectors) {
    const d = hueDistance(hue, rotation + offset) - width / 2;
    if (d < best) best = d;
  }
  return Math.max(0, best);
}

function bestRotation(
  colors: readonly HuedColor[],
  sectors: readonly (readonly [number, number])[],
): { rotation: number; cost: number } {
  // The cost is piecewise linear in the rotation, smallest where some hue sits on a sector
  // edge: trying exactly those rotations finds the optimum without scanning the wheel.
  let best = { rotation: 0, cost: Infinity };
  for (const c of colors)
    for (const [offset, width] of sectors)
      for (const side of [-1, 1]) {
        const rotation = normalizeHue(c.hue - offset + (side * width) / 2);
        let cost = 0;
        for (const k of colors) cost += k.saturation * distanceOutside(k.hue, sectors, rotation);
        if (cost < best.cost - 1e-9) best = { rotation, cost };
      }
  return best;
}

/**
 * How the hues of a look fit Matsuda's templates. Colours without a hue (greys, black,
 * white, ecru) fit any template and are left out; a look with no hued colour is type N.
 */
export function hueTemplateFit(hexes: readonly string[]): HueTemplateFit {
  const colors: HuedColor[] = [];
  for (const hex of hexes) {
    if (hexToOklch(hex).c < HUED_CHROMA) continue;
    colors.push(hsv(hex));
  }
  if (colors.length === 0) return { template: "N", fits: true, offDegrees: 0, rotation: 0 };
  const weight = colors.reduce((s, c) => s + c.saturation, 0) || 1;
  let nearest: HueTemplateFit | null = null;
  for (const name of ORDER) {
    const { rotation, cost } = bestRotation(colors, HUE_TEMPLATES[name]);
    const offDegrees = cost / weight;
    const fit: HueTemplateFit = {
      template: name,
      fits: cost < 1e-6,
      offDegrees: Math.round(offDegrees * 10) / 10,
      rotation: Math.round(rotation),
    };
    if (fit.fits) return fit;
    if (!nearest || offDegrees < nearest.offDegrees) nearest = fit;
  }
  return nearest ?? { template: "N", fits: true, offDegrees: 0, rotation: 0 };
}

/** T and X admit almost any two hues: fitting only them says little about harmony. */
export const PERMISSIVE_TEMPLATES: ReadonlySet<HueTemplateName> = new Set(["T", "X"]);

/** 0..1: 1 for a tight template, a little less for the permissive ones, falling off outside. */
export function hueTemplateScore(fit: HueTemplateFit): number {
  if (fit.fits) return PERMISSIVE_TEMPLATES.has(fit.template) ? 0.8 : 1;
  return Math.max(0, 0.7 - fit.offDegrees / 30);
}
