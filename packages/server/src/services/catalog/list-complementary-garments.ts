import type { PrismaClient } from "@garment/db";
import type { CatalogEntryResponse, CatalogListQuery } from "@garment/schemas";
import { isCompatible } from "@garment/styling";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";
import { validationFailed } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import type { ReferenceData } from "../reference/reference-data";
import { catalogEntryToResponse } from "./to-catalog-response";

export interface CatalogPage {
  entries: CatalogEntryResponse[];
  limit: number;
  offset: number;
  /** All entries matching the filters, across pages. */
  count: number;
  next_cursor: string | null;
}

/**
 * GET /v1/catalog/complementary-garments: the caller's catalog (its client, its key's mode),
 * newest first, without `superseded` entries unless `status` asks for them (an entry never
 * compared stays listed as before). `compatible_with_category_id` keeps the garments that may
 * be worn with a product of that category (category to category, as the compatibility check
 * decides).
 */
export async function listComplementaryGarments(
  deps: { db: PrismaClient; reference: ReferenceData; signer: UrlSigner },
  caller: Caller,
  query: CatalogListQuery,
): Promise<CatalogPage> {
  let categoryFilter: { garmentCategoryId: { in: string[] } } | undefined;
  if (query.compatible_with_category_id !== undefined) {
    const productId = query.compatible_with_category_id;
    if (!(await deps.reference.category(productId))) {
      throw validationFailed([
        {
          loc: ["query", "compatible_with_category_id"],
          msg: "Value error, unknown garment category; see GET /v1/garment-categories",
          type: "value_error",
        },
      ]);
    }
    const categories = await deps.reference.categories();
    categoryFilter = {
      garmentCategoryId: {
        in: categories
          .filter((c) => isCompatible(productId, c.publicId).compatible)
          .map((c) => c.publicId),
      },
    };
  }
  const where = {
    clientId: caller.clientId,
    mode: caller.mode,
    // Superseded variants stay in history but leave the catalog, unless asked for by status.
    status: query.status ?? { not: "superseded" },
    ...categoryFilter,
  };
  const [found, count] = await Promise.all([
    deps.db.catalogEntry.findMany({
      where: { ...where, ...keysetWhere(query) },
      orderBy: keysetOrder,
      ...keysetWindow(query),
    }),
    deps.db.catalogEntry.count({ where }),
  ]);
  const { rows, next_cursor } = keysetPage(found, query);
  return {
    entries: rows.map((row) => catalogEntryToResponse(row, deps.signer)),
    limit: query.limit,
    offset: query.offset,
    count,
    next_cursor,
  };
}
