import type { GarmentSlot, LengthKey } from "@garment/schemas";
import { findSynonyms, normalizeFreeText, type VocabularyEntry } from "./free-text";

export interface LengthProperties {
  description: string;
  /** Where the hem falls, from shoulder (0) to floor (1): drives proportion rules. */
  hemPosition: number;
  synonyms: readonly string[];
}

export const LENGTHS: Readonly<Record<LengthKey, LengthProperties>> = {
  cropped: {
    description: "Ends above the natural waist (tops, jackets) or above the ankle (trousers).",
    hemPosition: 0.3,
    synonyms: [
      "cropped",
      "crop",
      "crop top",
      "boxy crop",
      "capri",
      "7/8",
      "seven eighths",
      "culotte",
      "culottes",
    ],
  },
  waist: {
    description: "Ends at the natural waist.",
    hemPosition: 0.36,
    synonyms: ["waist", "waist length", "waist-length", "at the waist", "high hip"],
  },
  hip: {
    description: "Ends at the hip: the standard top and jacket length.",
    hemPosition: 0.45,
    synonyms: [
      "hip",
      "hip length",
      "regular length",
      "standard",
      "standard length",
      "classic length",
    ],
  },
  tunic: {
    description: "Long top ending at mid-thigh.",
    hemPosition: 0.55,
    synonyms: [
      "tunic",
      "longline",
      "long line",
      "thigh",
      "mid thigh",
      "thigh length",
      "oversized long",
    ],
  },
  mini: {
    description: "Hem well above the knee.",
    hemPosition: 0.58,
    synonyms: ["mini", "micro", "micro mini", "above the knee", "above knee"],
  },
  knee: {
    description: "Hem at or just around the knee.",
    hemPosition: 0.68,
    synonyms: ["knee", "knee length", "knee-length", "bermuda", "at the knee", "below the knee"],
  },
  midi: {
    description: "Hem at mid-calf.",
    hemPosition: 0.8,
    synonyms: ["midi", "mid calf", "mid-calf", "calf", "calf length", "tea length", "midaxi"],
  },
  ankle: {
    description: "Hem at the ankle bone (ankle-grazing trousers, long skirts).",
    hemPosition: 0.92,
    synonyms: ["ankle", "ankle length", "ankle grazing", "9/10"],
  },
  maxi: {
    description: "Floor-sweeping dresses, skirts and coats.",
    hemPosition: 0.98,
    synonyms: ["maxi", "floor", "floor length", "floor-length", "full length gown", "gown"],
  },
  short: {
    description: "Shorts length, well above the knee.",
    hemPosition: 0.55,
    synonyms: ["short", "shorts", "hot pants", "hotpants"],
  },
  full: {
    description: "Full-length trousers reaching the shoe.",
    hemPosition: 0.97,
    synonyms: ["full", "full length", "full-length", "regular"],
  },
};

const LENGTH_SYNONYMS = (Object.entries(LENGTHS) as [LengthKey, LengthProperties][]).map(
  ([key, p]) => [key, p.synonyms] as const,
);

/** What "long" means depends on the garment: a long top is a tunic, a long dress is maxi. */
const LONG_BY_SLOT: Readonly<Record<GarmentSlot, LengthKey>> = {
  top: "tunic",
  bottom: "full",
  one_piece: "maxi",
  outerwear: "midi",
  footwear: "ankle",
  accessory: "maxi",
};

/**
 * Maps free text onto a length key ("mid-calf" → midi, "floor length" → maxi, "crop" →
 * cropped). "long" is resolved by the garment's slot when given (maxi without one).
 * Null when the text names no length.
 */
export function normalizeLength(text: string, slot?: GarmentSlot): LengthKey | null {
  const normalized = normalizeFreeText(text);
  const matches = findSynonyms(normalized, LENGTH_SYNONYMS);
  let best: (typeof matches)[number] | undefined;
  for (const m of matches) if (!best || m.length > best.length) best = m;
  if (best) return best.key;
  if (/ (long|longer|extra long) /.test(normalized)) return slot ? LONG_BY_SLOT[slot] : "maxi";
  return null;
}

export function lengthVocabulary(): VocabularyEntry[] {
  return (Object.entries(LENGTHS) as [LengthKey, LengthProperties][]).map(([value, p]) => ({
    value,
    description: p.description,
  }));
}
