import type { Fit } from "@garment/schemas";
import { GARMENT_CATEGORIES } from "../../taxonomy/categories";
import type { ProductSpec } from "../product-spec";

export function categoryId(slug: string): string {
  const category = GARMENT_CATEGORIES.find((c) => c.slug === slug);
  if (!category) throw new Error(`No category ${slug}`);
  return category.publicId;
}

/** One product spec from a category slug plus the attributes a case cares about. */
export function productSpec(
  slug: string,
  attributes: {
    color?: string;
    material?: string;
    pattern?: string;
    fit?: Fit | null;
    length?: string | null;
  } = {},
): ProductSpec {
  return {
    categoryId: categoryId(slug),
    color: attributes.color ?? "navy",
    material: attributes.material ?? "cotton",
    pattern: attributes.pattern ?? "solid",
    fit: attributes.fit ?? null,
    length: attributes.length ?? null,
  };
}
