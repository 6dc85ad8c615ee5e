import type { LengthKey } from "@garment/schemas";

/** Hem height of a top or jacket (shoulders sit at y ≈ 130). */
export function topHemY(length: LengthKey | null, fallback: LengthKey): number {
  const table: Partial<Record<LengthKey, number>> = {
    cropped: 430,
    short: 450,
    waist: 505,
    hip: 590,
    tunic: 720,
    mini: 720,
    knee: 840,
    midi: 930,
    ankle: 1010,
    maxi: 1010,
    full: 1010,
  };
  return table[length ?? fallback] ?? (table[fallback] as number);
}

/** Hem height of a skirt (waistband at y = 150). */
export function skirtHemY(length: LengthKey | null, fallback: LengthKey): number {
  const table: Partial<Record<LengthKey, number>> = {
    cropped: 400,
    short: 400,
    mini: 420,
    waist: 420,
    hip: 420,
    tunic: 470,
    knee: 560,
    midi: 700,
    ankle: 860,
    maxi: 860,
    full: 860,
  };
  return table[length ?? fallback] ?? (table[fallback] as number);
}

/** Hem height of a dress or jumpsuit (shoulders at y ≈ 120, waist at y ≈ 400). */
export function dressHemY(length: LengthKey | null, fallback: LengthKey): number {
  const table: Partial<Record<LengthKey, number>> = {
    cropped: 560,
    short: 560,
    hip: 560,
    mini: 600,
    tunic: 620,
    waist: 600,
    knee: 720,
    midi: 850,
    ankle: 990,
    maxi: 990,
    full: 990,
  };
  return table[length ?? fallback] ?? (table[fallback] as number);
}

/** Hem height of trousers (waistband at y = 100, crotch at y ≈ 330). */
export function trouserHemY(length: LengthKey | null, fallback: LengthKey): number {
  const table: Partial<Record<LengthKey, number>> = {
    short: 440,
    mini: 420,
    cropped: 730,
    waist: 440,
    hip: 440,
    tunic: 520,
    knee: 600,
    midi: 720,
    ankle: 840,
    maxi: 940,
    full: 940,
  };
  return table[length ?? fallback] ?? (table[fallback] as number);
}
