import type { Prisma, PrismaClient } from "@garment/db";
import type { BatchCounts, BatchSummary } from "@garment/schemas";

/** What a batch's failed rows gave back: each row's refund is a ledger entry under its request. */
export async function batchCreditsRefunded(db: PrismaClient, batchId: string): Promise<number> {
  const rows = await db.$queryRaw<{ refunded: number }[]>`
    SELECT COALESCE(sum(ledger.amount), 0)::int AS refunded
      FROM jobs JOIN credit_ledger AS ledger
        ON ledger.request_id = jobs.request_id AND ledger.kind = 'refund'::"LedgerKind"
     WHERE jobs.batch_id = ${batchId}`;
  return rows[0]?.refunded ?? 0;
}

/** How many of a batch's jobs are in each status. */
export async function batchCounts(db: PrismaClient, batchId: string): Promise<BatchCounts> {
  const groups = await db.job.groupBy({
    by: ["status"],
    where: { batchId },
    _count: { _all: true },
  });
  const counts: BatchCounts = { NOT_STARTED: 0, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** The batch's summary (GET /v1/batches/{id} without its jobs; the batch.finished data). */
export function toBatchSummary(
  batch: Prisma.BatchGetPayload<object>,
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

/** A batch's summary by id, whoever owns it (the webhook delivery reads its own client's). */
export async function readBatchSummary(
  db: PrismaClient,
  batchId: string,
): Promise<BatchSummary | null> {
  const batch = await db.batch.findUnique({ where: { id: batchId } });
  if (!batch) return null;
  const [counts, refunded] = await Promise.all([
    batchCounts(db, batchId),
    batchCreditsRefunded(db, batchId),
  ]);
  return toBatchSummary(batch, counts, refunded);
}
