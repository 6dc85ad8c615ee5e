import { Prisma, type PrismaClient } from "@garment/db";

export interface FinishedBatch {
  batchId: string;
  /** True for the one call that set finished_at; false when another call had already set it. */
  finishedNow: boolean;
}

/**
 * After a job became terminal (and that transition was committed): when no job of its batch is
 * left unfinished, sets the batch's finished_at, once. Null when the job has no batch or the
 * batch still has work.
 *
 * Why it is safe when the last two jobs finish at once, on PostgreSQL's READ COMMITTED: each
 * caller runs this after committing its own job, so whichever check starts last sees both jobs
 * terminal (no batch is left unfinished); two checks that both see that race for the batch row,
 * and the second, after waiting on the first's row lock, re-reads `finished_at IS NULL` on the
 * committed row and updates nothing. So exactly one call sets it and reports `finishedNow`.
 * finished_at is the last job's own finish time, not the time of this check.
 */
export function finishBatchOfJob(db: PrismaClient, jobId: string): Promise<FinishedBatch | null> {
  return finishBatchWhere(
    db,
    Prisma.sql`SELECT batch_id FROM jobs WHERE id = ${jobId} AND batch_id IS NOT NULL`,
  );
}

/**
 * The same for a batch named directly: the stuck-job sweeper's way in, for a batch whose last
 * job's own check was lost in a crash. The same statement, so the same once.
 */
export function finishBatch(db: PrismaClient, batchId: string): Promise<FinishedBatch | null> {
  return finishBatchWhere(db, Prisma.sql`SELECT id AS batch_id FROM batches WHERE id = ${batchId}`);
}

/** The one conditional UPDATE that finishes a batch; `target` selects its batch_id. */
async function finishBatchWhere(
  db: PrismaClient,
  target: Prisma.Sql,
): Promise<FinishedBatch | null> {
  const rows = await db.$queryRaw<{ batch_id: string; finished_now: boolean }[]>`
    WITH target AS (${target}), finished AS (
      UPDATE batches AS batch
         SET finished_at = COALESCE(
               (SELECT max(finished_at) FROM jobs WHERE jobs.batch_id = batch.id), now())
       WHERE batch.id = (SELECT batch_id FROM target)
         AND batch.finished_at IS NULL
         AND NOT EXISTS (
               SELECT 1 FROM jobs
                WHERE jobs.batch_id = batch.id
                  AND jobs.status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus"))
      RETURNING batch.id
    )
    SELECT batch.id AS batch_id, EXISTS (SELECT 1 FROM finished) AS finished_now
      FROM batches AS batch
     WHERE batch.id = (SELECT batch_id FROM target)
       AND (batch.finished_at IS NOT NULL OR EXISTS (SELECT 1 FROM finished))`;
  const row = rows[0];
  return row ? { batchId: row.batch_id, finishedNow: row.finished_now } : null;
}
