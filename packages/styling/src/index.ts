export * from "./taxonomy/categories";
export {
  categoryStyling,
  complementAffinity,
  categoriesInSlot,
  type CategoryStyling,
} from "./taxonomy/category-styling";
export * from "./color";
export * from "./vocabulary";
export * from "./brands";
export * from "./plan";
