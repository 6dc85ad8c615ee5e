import type { OklchCoords } from "./color-space";

/**
 * Fashion neutrals "go with anything": true greys/blacks/whites, plus the colors stylists
 * treat as neutral although they have a hue: navy, denim, camel/beige/khaki/taupe/brown,
 * olive. Thresholds are in OKLCH (l 0..1, c ≈ 0..0.37, h degrees).
 */
export function isNeutralColor({ l, c, h }: OklchCoords): boolean {
  if (c < 0.035) return true; // black, white, grey, ecru, ivory
  const earth = h >= 35 && h <= 95 && c < 0.11 && l < 0.9; // beige, camel, khaki, taupe, brown
  const olive = h > 95 && h <= 130 && c < 0.1 && l < 0.62;
  const navyDenim = h >= 225 && h <= 275 && c < 0.11 && l < 0.62;
  const veryDark = l < 0.3 && c < 0.08; // charcoal-browns, ink, near-black greens
  return earth || olive || navyDenim || veryDark;
}
