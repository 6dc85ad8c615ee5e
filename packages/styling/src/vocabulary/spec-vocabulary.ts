import type { VocabularyEntry } from "./free-text";
import { fitVocabulary } from "./fits";
import { lengthVocabulary } from "./lengths";
import { materialVocabulary } from "./materials";
import { patternVocabulary } from "./patterns";

/** What `GET /v1/spec-vocabulary` serves for the fields the styling engine understands. */
export interface SpecVocabulary {
  materials: VocabularyEntry[];
  patterns: VocabularyEntry[];
  lengths: VocabularyEntry[];
  fits: VocabularyEntry[];
}

export const SPEC_VOCABULARY: Readonly<SpecVocabulary> = Object.freeze({
  materials: materialVocabulary(),
  patterns: patternVocabulary(),
  lengths: lengthVocabulary(),
  fits: fitVocabulary(),
});
