import type { PrismaClient } from "@garment/db";
import type { CatalogEntryResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { resourceNotFound } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import { catalogEntryToResponse } from "./to-catalog-response";

/** GET /v1/catalog/complementary-garments/{public_id}; another client's entry is a 404 too. */
export async function getComplementaryGarment(
  deps: { db: PrismaClient; signer: UrlSigner },
  caller: Caller,
  publicId: string,
): Promise<CatalogEntryResponse> {
  const row = await deps.db.catalogEntry.findFirst({
    where: { id: publicId, clientId: caller.clientId, mode: caller.mode },
  });
  if (!row) throw resourceNotFound("catalog entry");
  return catalogEntryToResponse(row, deps.signer);
}
