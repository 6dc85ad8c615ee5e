import type { PrismaClient } from "@garment/db";

/**
 * How long after a batch's last job ended the sweeper leaves the batch to that job: its own
 * finish and announcement normally follow within milliseconds, and a sweep racing them would
 * only repeat work (safely: both paths are idempotent).
 */
export const UNANNOUNCED_BATCH_GRACE_MS = 60_000;

/**
 * Batches whose every job ended more than `graceMs` ago but whose end was never announced:
 * a crash came between the last job's terminal commit and the batch's finish, or between the
 * finish and the enqueue of its `batch.finished` deliveries. Oldest first, at most `limit`.
 * Reads the unannounced rows only (the index on announced_at, created_at); each one's jobs
 * through the index on jobs (batch_id, batch_row).
 */
export async function findUnannouncedBatches(
  db: PrismaClient,
  now = new Date(),
  graceMs = UNANNOUNCED_BATCH_GRACE_MS,
  limit = 200,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - graceMs);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT batch.id FROM batches AS batch
     WHERE batch.announced_at IS NULL
       AND NOT EXISTS (
             SELECT 1 FROM jobs
              WHERE jobs.batch_id = batch.id
                AND (jobs.status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
                     OR jobs.finished_at > ${cutoff}::timestamptz))
     ORDER BY batch.created_at
     LIMIT ${limit}`;
  return rows.map((row) => row.id);
}
