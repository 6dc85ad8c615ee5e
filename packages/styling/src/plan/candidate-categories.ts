import type { GarmentSlot } from "@garment/schemas";
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
import { formalityValue } from "../taxonomy/formality";
import { warmthClass, warmthValue } from "../taxonomy/warmth";
import { IncompatibleCategoryError, UnknownCategoryError } from "./errors";
import type { GarmentFacts } from "./product-spec";
import { brandForbidsMaterial } from "./rules/brand-rules";
import { formalityFit } from "./rules/formality-rules";
import { lengthForbidden } from "./rules/length-rules";
import { seasonFit } from "./rules/season-rules";
import { textureForbidden } from "./rules/texture-rules";
import type { Season } from "./season-hint";

export interface CategoryOption {
  category: GarmentCategory;
  styling: CategoryStyling;
  /** Sampling weight: how much a stylist would reach for it. */
  weight: number;
  /** 0..1 score of the category choice, relative to the best option. */
  score: number;
  /** Why this slot completes the look (for the rationale). */
  reason: string;
}

export interface CategoryContext {
  product: GarmentFacts;
  brand: BrandStyleGuide | null;
  season: Season | null;
  /** Relaxed: formality and season become soft (used only when the strict rules leave nothing). */
  relaxed: boolean;
}

/** A layer is optional in summer and wanted in winter. */
const SEASON_SLOT_FACTOR: Readonly<Record<Season, Partial<Record<GarmentSlot, number>>>> = {
  summer: { outerwear: 0.3, footwear: 1.2, accessory: 1.15 },
  winter: { outerwear: 1.4 },
  spring: { outerwear: 0.9 },
  autumn: { outerwear: 1.15 },
};

/**
 * Whether the category can be made at all next to this product: some material and length
 * survive the texture, length and brand rules, and (unless relaxed) sit within the formality
 * register and the season. Returns the fewest formality steps it can reach, or null.
 */
function reachableSteps(
  ctx: CategoryContext,
  styling: CategoryStyling,
  category: GarmentCategory,
  requested: boolean,
): number | null {
  const { product, brand, season } = ctx;
  const lengths = styling.lengths.length === 0 ? [null] : styling.lengths;
  let best: number | null = null;
  for (const material of styling.materials) {
    if (brandForbidsMaterial(brand, material)) continue;
    if (textureForbidden(product.garment.material, material) !== null) continue;
    const formality = formalityFit(
      {
        ...pieceOf(product.formality, product.category.name),
        dressDown: product.styling.dressDown,
      },
      {
        ...pieceOf(formalityValue(styling.formality, material, "solid"), category.name),
        dressDown: styling.dressDown,
      },
      requested || ctx.relaxed,
    );
    if (!formality.allowed) continue;
    for (const length of lengths) {
      if (
        length !== null &&
        lengthForbidden(
          { slot: product.garment.slot, length: product.garment.length },
          { slot: category.slot, length },
        )
      )
        continue;
      const warmth = warmthValue(styling.warmth, material, "solid", length);
      if (!ctx.relaxed && !seasonFit(product.warmth, warmth, season).allowed) continue;
      if (best === null || formality.steps < best) best = formality.steps;
      break;
    }
  }
  return best;
}

function pieceOf(value: number, name: string) {
  return { value, name: name.toLowerCase(), dressDown: false, quiet: true };
}

/** Whether a category can be styled with the product at all, under the hard rules only. */
function stylable(ctx: CategoryContext, styling: CategoryStyling, category: GarmentCategory) {
  return reachableSteps({ ...ctx, relaxed: true }, styling, category, true) !== null;
}

/**
 * The categories the complement may be: compatible slots the look needs most (top → bottom,
 * one-piece → shoes, a bag or a layer…), weighted by stylist affinity, by how close to the
 * product's register the category can be made, and by the hinted season; minus those the
 * hard rules leave nothing to make from. With a target category, only that one.
 */
export function candidateCategories(
  ctx: CategoryContext,
  targetCategoryId?: string,
): CategoryOption[] {
  const { product, season } = ctx;
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
    if (!stylable(ctx, categoryStyling(target), target)) {
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
  const summerProduct = warmthClass(product.warmth) === "summer";
  const options: CategoryOption[] = [];
  for (const category of pool) {
    const styling = categoryStyling(category);
    const requested = targetCategoryId !== undefined;
    const steps = reachableSteps(ctx, styling, category, requested);
    if (steps === null && !requested) continue;
    const affinity = requested ? 1 : complementAffinity(product.category, category);
    const register = steps === null || steps === 0 ? 1 : steps === 1 ? 0.75 : 0.3;
    let seasonal = season ? (SEASON_SLOT_FACTOR[season][category.slot] ?? 1) : 1;
    // A hot-weather product rarely wants a layer, whatever the hint.
    if (summerProduct && category.slot === "outerwear") seasonal *= 0.6;
    options.push({
      category,
      styling,
      weight: affinity * register * seasonal,
      score: 0,
      reason: slotPhrase(product.category, category),
    });
  }
  const best = Math.max(...options.map((o) => o.weight), 1e-9);
  for (const o of options) o.score = o.weight / best;
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
    case "one_piece>footwear":
      return `shoes that finish the ${p}, already a whole outfit`;
    case "one_piece>accessory":
      return `an accessory that finishes the ${p}, already a whole outfit`;
    case "outerwear>top":
    case "outerwear>one_piece":
      return `what the ${p} is worn over`;
    case "footwear>bottom":
    case "footwear>one_piece":
      return `the garment the ${p} finish`;
    case "footwear>accessory":
      return `the accessory that answers the ${p}, the other leather-goods piece of the look`;
    case "outerwear>footwear":
    case "outerwear>accessory":
      return `the ${candidate.slot === "footwear" ? "shoes" : "accessory"} that finish a look built around the ${p}`;
    default:
      return `a ${candidate.slot.replace("_", "-")} that completes a look built around the ${p}`;
  }
}
