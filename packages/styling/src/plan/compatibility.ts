import { COMPATIBLE_SLOTS, findCategory } from "../taxonomy/categories";
import { UnknownCategoryError } from "./errors";

export interface CompatibilityVerdict {
  compatible: boolean;
  reason: string;
}

/**
 * Whether a candidate category may appear with the product's (category-to-category, as
 * `POST /v1/compatibility/check` defines it). Throws `UnknownCategoryError` for an unknown
 * product category (a 404); an unknown candidate is a verdict, not an error.
 */
export function isCompatible(
  productCategoryId: string,
  candidateCategoryId: string,
): CompatibilityVerdict {
  const product = findCategory(productCategoryId);
  if (!product) throw new UnknownCategoryError(productCategoryId);
  const candidate = findCategory(candidateCategoryId);
  if (!candidate) return { compatible: false, reason: "unknown_category" };
  if (product.slot === candidate.slot) {
    return {
      compatible: false,
      reason: `same_slot: both are ${product.slot.replace("_", "-")} garments`,
    };
  }
  if (!COMPATIBLE_SLOTS[product.slot].includes(candidate.slot)) {
    return {
      compatible: false,
      reason: `slot_conflict: a ${product.slot.replace("_", "-")} replaces a ${candidate.slot.replace("_", "-")}`,
    };
  }
  return {
    compatible: true,
    reason: `compatible_slots: ${candidate.name.toLowerCase()} (${candidate.slot.replace("_", "-")}) goes with ${product.name.toLowerCase()} (${product.slot.replace("_", "-")})`,
  };
}
