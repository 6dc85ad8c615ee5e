import type { PrismaClient } from "@garment/db";
import { JobStatus, pageQuery } from "@garment/schemas";
import { z } from "zod";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";
import type { UrlSigner } from "../../storage/url-signer";

const text = (value: unknown) => (typeof value === "string" ? value : "");

export const JobHistoryQuery = z.object({
  status: JobStatus.optional(),
  garment_category_public_id: z.string().max(64).optional(),
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery({ defaultLimit: 12, maxLimit: 100 }).shape,
});
export type JobHistoryQuery = z.infer<typeof JobHistoryQuery>;

/**
 * The Studio's history: the caller's jobs with what a stylist scans for (product category,
 * color, status, a thumbnail of the final image), filtered and paged, newest first.
 */
export async function listJobHistory(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  query: JobHistoryQuery,
) {
  const createdAt = {
    ...(query.created_after ? { gte: new Date(query.created_after) } : {}),
    ...(query.created_before ? { lt: new Date(query.created_before) } : {}),
  };
  const where = {
    clientId: caller.clientId,
    mode: caller.mode,
    ...(query.status ? { status: query.status } : {}),
    ...(query.garment_category_public_id
      ? {
          request: {
            path: ["garment_category_public_id"],
            equals: query.garment_category_public_id,
          },
        }
      : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
  };
  const [found, count] = await Promise.all([
    db.job.findMany({
      where: { ...where, ...keysetWhere(query) },
      orderBy: keysetOrder,
      ...keysetWindow(query),
      select: {
        id: true,
        status: true,
        createdAt: true,
        request: true,
        creditsCost: true,
        failureReason: true,
        artifacts: {
          where: { role: "final" },
          select: { id: true, width: true, height: true },
          take: 1,
        },
      },
    }),
    db.job.count({ where }),
  ]);
  const { rows: jobs, next_cursor } = keysetPage(found, query);
  return {
    jobs: jobs.map((job) => {
      const request = (job.request ?? {}) as Record<string, unknown>;
      const final = job.status === "SUCCESS" ? job.artifacts[0] : undefined;
      return {
        public_id: job.id,
        status: job.status,
        created_at: job.createdAt.toISOString(),
        garment_category_public_id: text(request.garment_category_public_id),
        color: text(request.color),
        material: text(request.material),
        pattern: text(request.pattern),
        credits_cost: job.creditsCost,
        failure_reason: job.failureReason,
        thumbnail: final
          ? { url: signer.imageUrl(final.id), width: final.width, height: final.height }
          : null,
      };
    }),
    limit: query.limit,
    offset: query.offset,
    count,
    next_cursor,
  };
}
