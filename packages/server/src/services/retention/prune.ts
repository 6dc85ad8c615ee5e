import type { PrismaClient } from "@garment/db";
import type { ArtifactStorage } from "../../storage/artifact-storage";
import { IDEMPOTENCY_WINDOW_MS } from "../dispatch/idempotency";

/** Rows removed per statement: short statements, so pruning never holds long locks. */
export const PRUNE_BATCH = 5_000;

/** Deletes in batches until a batch comes back short; `statement` deletes at most one batch. */
async function inBatches(statement: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await statement();
    total += removed;
    if (removed < PRUNE_BATCH) return total;
  }
}

/** request_logs rows older than `before` (one per request, 401s and 429s included). */
export function pruneRequestLogs(db: PrismaClient, before: Date): Promise<number> {
  return inBatches(
    () => db.$executeRaw`
      DELETE FROM request_logs WHERE id IN (
        SELECT id FROM request_logs WHERE created_at < ${before} LIMIT ${PRUNE_BATCH})`,
  );
}

/**
 * Idempotency keys older than `before`, and never one still inside its replay window: a key
 * removed early would let a retried dispatch charge twice.
 */
export function pruneIdempotencyKeys(db: PrismaClient, before: Date, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  const cutoff = before < windowStart ? before : windowStart;
  return inBatches(
    () => db.$executeRaw`
      DELETE FROM idempotency_keys WHERE (client_id, mode, key) IN (
        SELECT client_id, mode, key FROM idempotency_keys WHERE created_at < ${cutoff}
         LIMIT ${PRUNE_BATCH})`,
  );
}

/** Workflow runs that finished (completed or failed) before `before`; never a queued or running one. */
export function pruneFinishedRuns(db: PrismaClient, before: Date): Promise<number> {
  return inBatches(
    () => db.$executeRaw`
      DELETE FROM workflow_runs WHERE id IN (
        SELECT id FROM workflow_runs
         WHERE status IN ('completed', 'failed') AND updated_at < ${before} LIMIT ${PRUNE_BATCH})`,
  );
}

/**
 * Artifacts no one may download any more: the renders of jobs that ended in FAILURE (refunded,
 * never served) before `before`. Their bytes go first, then their rows; a crash in between
 * leaves rows whose bytes are gone, which the next run removes.
 */
export async function pruneOrphanArtifacts(
  db: PrismaClient,
  storage: ArtifactStorage,
  before: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.artifact.findMany({
      where: { job: { status: "FAILURE", updatedAt: { lt: before } } },
      select: { id: true, storageKey: true },
      take: 500,
    });
    if (rows.length === 0) return total;
    for (const row of rows) await storage.delete(row.storageKey);
    total += (await db.artifact.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
  }
}
