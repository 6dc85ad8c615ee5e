import { Prisma, type PrismaClient } from "@garment/db";
import type { BatchCounts, BatchSummary } from "@garment/schemas";

type BatchRow = Prisma.BatchGetPayload<object>;

const noCounts = (): BatchCounts => ({ NOT_STARTED: 0, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 0 });

/**
 * What each batch's failed rows gave back: each row's refund is a ledger entry under its request.
 * One grouped query for any number of batches (a page of the list reads them together).
 */
async function creditsRefundedByBatch(
  db: PrismaClient,
  batchIds: readonly string[],
): Promise<Map<string, number>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ batch_id: string; refunded: number }[]>`
    SELECT jobs.batch_id, COALESCE(sum(ledger.amount), 0)::int AS refunded
      FROM jobs JOIN credit_ledger AS ledger
        ON ledger.request_id = jobs.request_id AND ledger.kind = 'refund'::"LedgerKind"
     WHERE jobs.batch_id IN (${Prisma.join(batchIds)})
     GROUP BY jobs.batch_id`;
  return new Map(rows.map((row) => [row.batch_id, row.refunded]));
}

/** What one batch's failed rows gave back so far. */
export async function batchCreditsRefunded(db: PrismaClient, batchId: string): Promise<number> {
  return (await creditsRefundedByBatch(db, [batchId])).get(batchId) ?? 0;
}

/** How many of each batch's jobs are in each status, in one grouped query. */
async function countsByBatch(
  db: PrismaClient,
  batchIds: readonly string[],
): Promise<Map<string, BatchCounts>> {
  const counts = new Map(batchIds.map((id) => [id, noCounts()]));
  if (batchIds.length === 0) return counts;
  const groups = await db.job.groupBy({
    by: ["batchId", "status"],
    where: { batchId: { in: [...batchIds] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const of = group.batchId === null ? undefined : counts.get(group.batchId);
    if (of) of[group.status] = group._count._all;
  }
  return counts;
}

/** The batch's summary (GET /v1/batches/{id} without its jobs; the batch.finished data). */
export function toBatchSummary(
  batch: BatchRow,
  counts: BatchCounts,
  creditsRefunded: number,
): BatchSummary {
  return {
    batch_id: batch.id,
    request_id: batch.requestId,
    created_at: batch.createdAt.toISOString(),
    finished_at: batch.finishedAt?.toISOString() ?? null,
    item_count: batch.itemCount,
    credits_cost: batch.creditsCost,
    credits_refunded: creditsRefunded,
    counts,
  };
}

/** The summaries of these batches, in their order: two queries whatever their number. */
export async function summarizeBatches(
  db: PrismaClient,
  batches: readonly BatchRow[],
): Promise<BatchSummary[]> {
  const ids = batches.map((batch) => batch.id);
  const [counts, refunded] = await Promise.all([
    countsByBatch(db, ids),
    creditsRefundedByBatch(db, ids),
  ]);
  return batches.map((batch) =>
    toBatchSummary(batch, counts.get(batch.id) ?? noCounts(), refunded.get(batch.id) ?? 0),
  );
}

/** A batch's summary by id, whoever owns it (the webhook delivery reads its own client's). */
export async function readBatchSummary(
  db: PrismaClient,
  batchId: string,
): Promise<BatchSummary | null> {
  const batch = await db.batch.findUnique({ where: { id: batchId } });
  if (!batch) return null;
  const [summary] = await summarizeBatches(db, [batch]);
  return summary ?? null;
}
