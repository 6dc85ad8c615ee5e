import type { BrandStyleGuide } from "../brands/brand-style-guide";
import {
  COMPATIBLE_SLOTS,
  GARMENT_CATEGORIES,
  findCategory,
  type GarmentCategory,
} from "../taxonomy/categories";
import {
  categoryStyling,
  complementAffinity,
  type CategoryStyling,
} from "../taxonomy/category-styling";
import { IncompatibleCategoryError, UnknownCategoryError } from "./errors";
import type { GarmentFacts } from "./product-spec";
import { brandForbidsMaterial } from "./rules/brand-rules";
import { lengthForbidden } from "./rules/length-rules";
import { textureForbidden } from "./rules/texture-rules";

export interface CategoryOption {
  category: GarmentCategory;
  styling: CategoryStyling;
  /** Sampling weight: how much a stylist would reach for it. */
  weight: number;
  /** 0..1 score of the category choice, relative to the best option. */
  score: number;
  reason: string;
}

/** Whether the category can be made at all next to this product (some material and length survive the hard rules). */
function viable(
  product: GarmentFacts,
  styling: CategoryStyling,
  category: GarmentCategory,
  brand: BrandStyleGuide | null,
): boolean {
  const material = styling.materials.some(
    (m) =>
      !brandForbidsMaterial(brand, m) && textureForbidden(product.garment.material, m) === null,
  );
  const length =
    styling.lengths.length === 0 ||
    styling.lengths.some(
      (l) =>
        !lengthForbidden(
          { slot: product.garment.slot, length: product.garment.length },
          { slot: category.slot, length: l },
        ),
    );
  return material && length;
}

function formalityCloseness(a: number, b: number): number {
  return Math.max(0.1, 1 - Math.abs(a - b) * 1.5);
}

/**
 * The categories the complement may be: compatible slots the look needs most (top → bottom,
 * one-piece → outerwear…), weighted by stylist affinity and formality match, minus those the
 * hard rules leave nothing to make from. With a target category, only that one.
 */
export function candidateCategories(
  product: GarmentFacts,
  brand: BrandStyleGuide | null,
  targetCategoryId?: string,
): CategoryOption[] {
  const productFormality = product.styling.formality;
  let pool: GarmentCategory[];
  if (targetCategoryId !== undefined) {
    const target = findCategory(targetCategoryId);
    if (!target) throw new UnknownCategoryError(targetCategoryId);
    if (!COMPATIBLE_SLOTS[product.category.slot].includes(target.slot)) {
      throw new IncompatibleCategoryError(
        product.category.publicId,
        target.publicId,
        `${target.name} (${target.slot}) cannot be worn with ${product.category.name} (${product.category.slot})`,
      );
    }
    if (!viable(product, categoryStyling(target), target, brand)) {
      throw new IncompatibleCategoryError(
        product.category.publicId,
        target.publicId,
        `No ${target.name.toLowerCase()} can be styled with this ${product.category.name.toLowerCase()} under the texture, length and brand rules`,
      );
    }
    pool = [target];
  } else {
    pool = GARMENT_CATEGORIES.filter((c) => complementAffinity(product.category, c) > 0);
  }
  const options: CategoryOption[] = [];
  for (const category of pool) {
    const styling = categoryStyling(category);
    if (targetCategoryId === undefined && !viable(product, styling, category, brand)) continue;
    const affinity =
      targetCategoryId === undefined ? complementAffinity(product.category, category) : 1;
    const closeness = formalityCloseness(productFormality, styling.formality);
    options.push({ category, styling, weight: affinity * closeness, score: 0, reason: "" });
  }
  const best = Math.max(...options.map((o) => o.weight), 1e-9);
  for (const o of options) {
    o.score = o.weight / best;
    const closeness = formalityCloseness(productFormality, o.styling.formality);
    o.reason = `${o.category.name}: ${slotPhrase(product.category, o.category)}${closeness < 0.6 ? ", though the formality differs" : closeness > 0.85 ? ", at the same level of formality" : ""}`;
  }
  return options;
}

function slotPhrase(product: GarmentCategory, candidate: GarmentCategory): string {
  const p = product.name.toLowerCase();
  switch (`${product.slot}>${candidate.slot}`) {
    case "top>bottom":
    case "bottom>top":
      return `the ${candidate.slot} that turns the ${p} into an outfit`;
    case "one_piece>outerwear":
      return `a layer over the ${p}, which already covers top and bottom`;
    case "outerwear>top":
    case "outerwear>one_piece":
      return `what the ${p} is worn over`;
    default:
      return `a ${candidate.slot.replace("_", "-")} that completes a look built around the ${p}`;
  }
}
