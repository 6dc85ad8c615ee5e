import type { PrismaClient } from "@garment/db";
import {
  CompatibilityCheckRequest,
  zodIssuesToDetail,
  type CompatibilityCheckResponse,
} from "@garment/schemas";
import { isCompatible, UnknownCategoryError } from "@garment/styling";
import type { Caller } from "../../auth/caller";
import { resourceNotFound, validationFailed } from "../../errors";
import type { ReferenceData } from "../reference/reference-data";

export const CATALOG_REF_MISSING = "catalog_ref_missing";

/**
 * POST /v1/compatibility/check: may each picked catalog garment appear with the product's
 * garment category? Category to category; results in request order. A candidate the caller
 * cannot see (unknown, another client's, the other mode) is `catalog_ref_missing`, never an
 * error; an unknown product category is RESOURCE_NOT_FOUND.
 */
export async function checkCompatibility(
  deps: { db: PrismaClient; reference: ReferenceData },
  caller: Caller,
  body: unknown,
): Promise<CompatibilityCheckResponse> {
  const parsed = CompatibilityCheckRequest.safeParse(body);
  if (!parsed.success) throw validationFailed(zodIssuesToDetail(parsed.error.issues, body));
  const productId = parsed.data.product_garment_category_public_id;
  const candidateIds = parsed.data.candidate_complementary_image_public_ids;
  if (!(await deps.reference.category(productId))) throw resourceNotFound("garment category");

  const rows =
    candidateIds.length === 0
      ? []
      : await deps.db.catalogEntry.findMany({
          where: {
            id: { in: [...new Set(candidateIds)] },
            clientId: caller.clientId,
            mode: caller.mode,
          },
          select: { id: true, garmentCategoryId: true },
        });
  const categoryOf = new Map(rows.map((row) => [row.id, row.garmentCategoryId]));
  try {
    return {
      product_garment_category_public_id: productId,
      results: candidateIds.map((id) => {
        const candidateCategory = categoryOf.get(id);
        if (candidateCategory === undefined)
          return { public_id: id, compatible: false, reason: CATALOG_REF_MISSING };
        return { public_id: id, ...isCompatible(productId, candidateCategory) };
      }),
    };
  } catch (error) {
    // A seeded category the styling engine does not know: as unknown as any other.
    if (error instanceof UnknownCategoryError) throw resourceNotFound("garment category");
    throw error;
  }
}
