import type { GarmentCategoryListResponse, GarmentCategoryResponse } from "@garment/schemas";
import { GarmentSlot, Silhouette } from "@garment/schemas";
import { COMPATIBLE_SLOTS } from "@garment/styling";
import { resourceNotFound } from "../../errors";
import type { CategoryRecord, ReferenceData } from "./reference-data";

/** GET /v1/garment-categories: the seeded taxonomy in display order, with what pairs with what. */
export async function listGarmentCategories(
  reference: ReferenceData,
): Promise<GarmentCategoryListResponse> {
  const categories = await reference.categories();
  return { garment_categories: categories.map(toGarmentCategoryResponse) };
}

/** GET /v1/garment-categories/{public_id}; an unknown id is RESOURCE_NOT_FOUND. */
export async function getGarmentCategory(
  reference: ReferenceData,
  publicId: string,
): Promise<GarmentCategoryResponse> {
  const category = await reference.category(publicId);
  if (!category) throw resourceNotFound("garment category");
  return toGarmentCategoryResponse(category);
}

function toGarmentCategoryResponse(category: CategoryRecord): GarmentCategoryResponse {
  // The rows are seeded from @garment/styling's taxonomy, so slot and silhouette are its keys.
  const slot = GarmentSlot.parse(category.slot);
  return {
    public_id: category.publicId,
    slug: category.slug,
    name: category.name,
    slot,
    silhouette: Silhouette.parse(category.silhouette),
    compatible_slots: [...COMPATIBLE_SLOTS[slot]],
  };
}
