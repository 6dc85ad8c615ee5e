import type { PrismaClient } from "@garment/db";
import {
  CatalogEntryStatus,
  ResolvedJobOptions,
  type VariantGroupResponse,
} from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import type { UrlSigner } from "../../storage/url-signer";
import { findOwnedJob } from "../jobs/find-owned-job";
import { servesArtifacts } from "../jobs/to-response";

/**
 * The variant group of a job (its root and every variant of it, whichever of them is asked
 * for): each with its status, seed, final image once it succeeded and its catalog entry's
 * status, the root first and then oldest first. What the Studio's compare view shows.
 */
export async function listVariantGroup(
  deps: { db: PrismaClient; signer: UrlSigner },
  caller: Caller,
  jobId: string,
): Promise<VariantGroupResponse> {
  const job = await findOwnedJob(deps.db, caller, jobId);
  const rootId = job.variantOf ?? job.id;
  const jobs = await deps.db.job.findMany({
    where: {
      clientId: caller.clientId,
      mode: caller.mode,
      OR: [{ id: rootId }, { variantOf: rootId }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      resolved: true,
      createdAt: true,
      variantOf: true,
      artifacts: { where: { role: "final" }, select: { id: true }, take: 1 },
      catalog: { select: { id: true, status: true } },
    },
  });
  const ordered = [
    ...jobs.filter((j) => j.variantOf === null),
    ...jobs.filter((j) => j.variantOf !== null),
  ];
  return {
    root_job_id: rootId,
    variants: ordered.map((j) => {
      const image = servesArtifacts(j.status) ? j.artifacts[0] : undefined;
      const options = ResolvedJobOptions.safeParse(j.resolved);
      const catalogStatus = CatalogEntryStatus.safeParse(j.catalog?.status);
      return {
        job_id: j.id,
        is_root: j.variantOf === null,
        status: j.status,
        seed: options.success ? options.data.seed : null,
        created_at: j.createdAt.toISOString(),
        image_url: image ? deps.signer.imageUrl(image.id) : null,
        catalog_entry_id: j.catalog?.id ?? null,
        catalog_status: catalogStatus.success ? catalogStatus.data : null,
      };
    }),
  };
}
