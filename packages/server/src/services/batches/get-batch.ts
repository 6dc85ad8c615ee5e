import type { PrismaClient } from "@garment/db";
import type { BatchCounts, BatchResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { resourceNotFound } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import { batchCreditsRefunded, toBatchSummary } from "./batch-summary";

/**
 * A batch of the caller's client in the caller's mode, with every job in row order, the counts
 * by status and, for each finished job, its final image's signed URL (the Studio's live grid).
 */
export async function getBatch(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  batchId: string,
): Promise<BatchResponse> {
  const batch = await db.batch.findFirst({
    where: { id: batchId, clientId: caller.clientId, mode: caller.mode },
  });
  if (!batch) throw resourceNotFound("batch");
  const jobs = await db.job.findMany({
    where: { batchId: batch.id },
    orderBy: { batchRow: "asc" },
    select: {
      id: true,
      requestId: true,
      batchRow: true,
      sku: true,
      request: true,
      status: true,
      creditsCost: true,
      failureReason: true,
      artifacts: {
        where: { role: "final" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { id: true },
      },
    },
  });
  const counts: BatchCounts = { NOT_STARTED: 0, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 0 };
  for (const job of jobs) counts[job.status] += 1;
  return {
    ...toBatchSummary(batch, counts, await batchCreditsRefunded(db, batch.id)),
    jobs: jobs.map((job) => {
      const image = job.status === "SUCCESS" ? job.artifacts[0] : undefined;
      return {
        row: job.batchRow ?? 0,
        job_id: job.id,
        request_id: job.requestId,
        sku: job.sku,
        display_name: displayNameOf(job.request),
        status: job.status,
        credits_cost: job.creditsCost,
        failure_reason: job.failureReason,
        image_url: image ? signer.imageUrl(image.id) : null,
      };
    }),
  };
}

function displayNameOf(request: unknown): string {
  const name = (request as { display_name?: unknown } | null)?.display_name;
  return typeof name === "string" ? name : "";
}
