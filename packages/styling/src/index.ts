export * from "./taxonomy/categories";
export {
  categoryStyling,
  complementAffinity,
  categoriesInSlot,
  type CategoryStyling,
  type ScaleRange,
} from "./taxonomy/category-styling";
export {
  FORMALITY_LEVELS,
  formalityLevel,
  formalityStep,
  formalityValue,
  type FormalityLevel,
} from "./taxonomy/formality";
export {
  SUMMER_BELOW,
  WINTER_FROM,
  seasonsInverted,
  warmthClass,
  warmthValue,
  type WarmthClass,
} from "./taxonomy/warmth";
export * from "./color";
export * from "./vocabulary";
export * from "./brands";
export * from "./plan";
