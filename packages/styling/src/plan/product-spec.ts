import type { Fit, ResolvedGarment } from "@garment/schemas";
import { parseColor } from "../color/parse-color";
import { findCategory, type GarmentCategory } from "../taxonomy/categories";
import { categoryStyling, type CategoryStyling } from "../taxonomy/category-styling";
import { formalityValue } from "../taxonomy/formality";
import { warmthValue } from "../taxonomy/warmth";
import { LENGTHS, normalizeLength } from "../vocabulary/lengths";
import { normalizeMaterial } from "../vocabulary/materials";
import { normalizePattern } from "../vocabulary/patterns";
import { colorPoint, type ColorPoint } from "./color-point";
import { UnknownCategoryError, UnrecognizedColorError } from "./errors";
import { productAccentHex } from "./pattern-accent";
import type { LengthKey } from "@garment/schemas";

/**
 * The product garment as a request describes it (free text as written). `planComplement`
 * also accepts an already-resolved `ResolvedGarment`.
 */
export interface ProductSpec {
  /** Garment category ULID. */
  categoryId: string;
  /** A color name, hex or CSS color. */
  color: string;
  material: string;
  pattern: string;
  fit?: Fit | null;
  length?: string | null;
}

/** A resolved garment plus the derived facts the rules use. */
export interface GarmentFacts {
  garment: ResolvedGarment;
  category: GarmentCategory;
  styling: CategoryStyling;
  color: ColorPoint;
  accent: ColorPoint | null;
  /** Place on the formality scale, 0 athleisure … 4 evening. */
  formality: number;
  /** How warm it wears, 0 hot-weather … 3 cold-weather. */
  warmth: number;
}

/** Snaps a length onto one the category can have (a "maxi" T-shirt is a tunic). */
function lengthForCategory(length: LengthKey | null, styling: CategoryStyling): LengthKey | null {
  if (styling.lengths.length === 0) return null;
  if (length === null) return styling.defaultLength;
  if (styling.lengths.includes(length)) return length;
  const target = LENGTHS[length].hemPosition;
  let best = styling.defaultLength;
  let bestDistance = Infinity;
  for (const candidate of styling.lengths) {
    const d = Math.abs(LENGTHS[candidate].hemPosition - target);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Resolves a request's product onto canonical keys. Throws `UnknownCategoryError` or
 * `UnrecognizedColorError`. Unknown material text falls back to the category's usual
 * material (jeans → denim); a missing fit or length to the category default.
 */
export function resolveProduct(spec: ProductSpec): ResolvedGarment {
  const category = findCategory(spec.categoryId);
  if (!category) throw new UnknownCategoryError(spec.categoryId);
  const styling = categoryStyling(category);
  const parsed = parseColor(spec.color);
  if (!parsed) throw new UnrecognizedColorError(spec.color);
  const material = normalizeMaterial(spec.material);
  const pattern = normalizePattern(spec.pattern);
  const length = spec.length ? normalizeLength(spec.length, category.slot) : null;
  const main = colorPoint(parsed.hex, parsed.name);
  return {
    categoryId: category.publicId,
    categoryName: category.name,
    slot: category.slot,
    silhouette: category.silhouette,
    colorHex: parsed.hex,
    colorName: parsed.name,
    accentColorHex: productAccentHex(pattern.key, main),
    pattern: pattern.key,
    material: material.recognized ? material.key : styling.defaultMaterial,
    fit: styling.hasFit ? (spec.fit ?? styling.defaultFit) : "regular",
    length: lengthForCategory(length, styling),
  };
}

export function garmentFacts(garment: ResolvedGarment): GarmentFacts {
  const category = findCategory(garment.categoryId);
  if (!category) throw new UnknownCategoryError(garment.categoryId);
  const styling = categoryStyling(category);
  return {
    garment,
    category,
    styling,
    color: colorPoint(garment.colorHex, garment.colorName),
    accent: garment.accentColorHex ? colorPoint(garment.accentColorHex) : null,
    formality: formalityValue(styling.formality, garment.material, garment.pattern),
    warmth: warmthValue(styling.warmth, garment.material, garment.pattern, garment.length),
  };
}

export function isResolvedGarment(input: ProductSpec | ResolvedGarment): input is ResolvedGarment {
  return "colorHex" in input;
}
