import type { SpecVocabularyResponse } from "@garment/schemas";
import { SPEC_VOCABULARY } from "@garment/styling";

/** GET /v1/spec-vocabulary: the values the styling engine understands (free text is accepted too). */
export function getSpecVocabulary(): SpecVocabularyResponse {
  const copy = (entries: readonly { value: string; description: string }[]) =>
    entries.map(({ value, description }) => ({ value, description }));
  return {
    materials: copy(SPEC_VOCABULARY.materials),
    patterns: copy(SPEC_VOCABULARY.patterns),
    lengths: copy(SPEC_VOCABULARY.lengths),
    fits: copy(SPEC_VOCABULARY.fits),
  };
}
