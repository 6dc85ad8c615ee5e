import type { Fit } from "@garment/schemas";
import type { VocabularyEntry } from "./free-text";

export const FITS: Readonly<Record<Fit, { description: string; volume: number }>> = {
  slim: { description: "Close to the body; tailored or skinny.", volume: 0 },
  regular: { description: "Classic, straight, neither tight nor roomy.", volume: 1 },
  loose: { description: "Relaxed, oversized, wide-leg or flowing.", volume: 2 },
};

export function fitVocabulary(): VocabularyEntry[] {
  return (Object.entries(FITS) as [Fit, { description: string }][]).map(([value, f]) => ({
    value,
    description: f.description,
  }));
}
