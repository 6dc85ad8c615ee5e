export { type VocabularyEntry } from "./free-text";
export {
  MATERIALS,
  DEFAULT_MATERIAL,
  normalizeMaterial,
  type MaterialProperties,
  type NormalizedMaterial,
  type Sheen,
  type FabricWeight,
} from "./materials";
export {
  PATTERNS,
  normalizePattern,
  isPatterned,
  type PatternProperties,
  type PatternScale,
  type NormalizedPattern,
} from "./patterns";
export { LENGTHS, normalizeLength, type LengthProperties } from "./lengths";
export { FITS } from "./fits";
export { SPEC_VOCABULARY, type SpecVocabulary } from "./spec-vocabulary";
