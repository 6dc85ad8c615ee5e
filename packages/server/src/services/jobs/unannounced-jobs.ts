import type { PrismaClient } from "@garment/db";
import { UNANNOUNCED_BATCH_GRACE_MS } from "../batches/unannounced-batches";

/**
 * How long after a job ended the sweeper leaves its announcement to whoever ended it (the run,
 * a cancel, a sweeper timeout), which normally follows within milliseconds: the batches' grace,
 * so a sweep takes up a crashed batch's last job and the batch in the same pass.
 */
export const UNANNOUNCED_JOB_GRACE_MS = UNANNOUNCED_BATCH_GRACE_MS;

/**
 * Jobs that ended more than `graceMs` ago but whose terminal `job.*` webhook was never enqueued:
 * a crash came between their terminal commit and the announcement. Oldest finish first, at most
 * `limit`. Reads the index on (announced_at, finished_at): the unannounced rows with a finish
 * time, which are only those a crash left (running jobs have none and sort after the range).
 * Jobs of clients without an endpoint are taken up too, so the announcement marks them and they
 * leave the index range rather than being read again every minute.
 */
export async function findUnannouncedJobs(
  db: PrismaClient,
  now = new Date(),
  graceMs = UNANNOUNCED_JOB_GRACE_MS,
  limit = 200,
): Promise<string[]> {
  const rows = await db.job.findMany({
    where: {
      announcedAt: null,
      finishedAt: { lt: new Date(now.getTime() - graceMs) },
      status: { in: ["SUCCESS", "FAILURE"] },
    },
    select: { id: true },
    orderBy: { finishedAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}
