export {
  planComplement,
  type ComplementPlan,
  type PlanOptions,
  type PlanScores,
} from "./plan-complement";
export {
  seasonFromMetadata,
  SEASON_METADATA_KEY,
  type Season,
  type SeasonHint,
} from "./season-hint";
export { resolveProduct, type ProductSpec } from "./product-spec";
export { isCompatible, type CompatibilityVerdict } from "./compatibility";
export { buildImagePrompt, describeComplement } from "./prompt";
export { complementDisplayName } from "./display-name";
export { visibleColors } from "./visible-colors";
export { HARMONY_SCHEMES, LOUD_CHROMA, classifyHarmony, type HarmonyScheme } from "./color-harmony";
export {
  StylingError,
  UnknownCategoryError,
  UnrecognizedColorError,
  IncompatibleCategoryError,
} from "./errors";
export { createPrng, type Prng } from "./prng";
