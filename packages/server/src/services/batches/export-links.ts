import type { PrismaClient } from "@garment/db";
import type { BatchExportLinks } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { resourceNotFound } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";

/**
 * Signed links to the CSV and zip exports of a batch of the caller's (404 for anyone else's),
 * valid as long as an image URL: what the Studio's download buttons open.
 */
export async function batchExportLinks(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  batchId: string,
): Promise<BatchExportLinks> {
  const batch = await db.batch.findFirst({
    where: { id: batchId, clientId: caller.clientId, mode: caller.mode },
    select: { id: true },
  });
  if (!batch) throw resourceNotFound("batch");
  const csv = signer.batchExportUrl(batch.id, "csv");
  const zip = signer.batchExportUrl(batch.id, "zip");
  return { csv_url: csv.url, zip_url: zip.url, expires_at: csv.expiresAt.toISOString() };
}
