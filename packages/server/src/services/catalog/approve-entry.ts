import type { Prisma, PrismaClient } from "@garment/db";
import type { CatalogEntryResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { resourceNotFound } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import { catalogEntryToResponse } from "./to-catalog-response";

/**
 * Approves a catalog entry as its product's one entry: in one transaction the entry becomes
 * `approved` and every other entry of its variant group (the root job and its variants)
 * `superseded`, which the catalog hides by default; the jobs and their images stay in history.
 * Approving the approved entry again changes nothing. Another client's entry is a 404.
 */
export async function approveCatalogEntry(
  deps: { db: PrismaClient; signer: UrlSigner },
  caller: Caller,
  entryId: string,
): Promise<CatalogEntryResponse> {
  const approved = await deps.db.$transaction(async (tx) => {
    const entry = await tx.catalogEntry.findFirst({
      where: { id: entryId, clientId: caller.clientId, mode: caller.mode },
      select: { id: true, job: { select: { id: true, variantOf: true } } },
    });
    if (!entry) throw resourceNotFound("catalog entry");
    const rootId = entry.job.variantOf ?? entry.job.id;
    await lockVariantGroup(tx, rootId);
    await tx.catalogEntry.updateMany({
      where: {
        clientId: caller.clientId,
        mode: caller.mode,
        id: { not: entry.id },
        status: { in: ["active", "approved"] },
        job: { OR: [{ id: rootId }, { variantOf: rootId }] },
      },
      data: { status: "superseded" },
    });
    return tx.catalogEntry.update({ where: { id: entry.id }, data: { status: "approved" } });
  });
  return catalogEntryToResponse(approved, deps.signer);
}

/**
 * Serialises the writes to one variant group's catalog statuses (approvals, and a variant
 * entering the catalog) on its root job's row, so two of them never leave two entries approved.
 */
export async function lockVariantGroup(tx: Prisma.TransactionClient, rootId: string) {
  await tx.$queryRaw`SELECT id FROM jobs WHERE id = ${rootId} FOR UPDATE`;
}

/**
 * The status a variant's entry enters the catalog with: `superseded` when its group already
 * has an approved entry (the product keeps the one the stylist chose until another is
 * approved), `active` otherwise.
 */
export async function entryStatusForNewVariant(
  tx: Prisma.TransactionClient,
  variantOf: string | null,
): Promise<"active" | "superseded"> {
  if (variantOf === null) return "active";
  await lockVariantGroup(tx, variantOf);
  const approved = await tx.catalogEntry.count({
    where: {
      status: "approved",
      job: { OR: [{ id: variantOf }, { variantOf }] },
    },
  });
  return approved > 0 ? "superseded" : "active";
}
