import type { PrismaClient } from "@garment/db";
import type { CreditActivityQuery, CreditActivityResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { bucketStarts, fillBuckets } from "./activity-buckets";

/**
 * The caller's spend (debits) and refunds per hour or day, summed in the database from the
 * ledger, in the caller's mode. Grants and adjustments are not spend and stay out.
 */
export async function creditActivity(
  db: PrismaClient,
  caller: Caller,
  query: CreditActivityQuery,
  now = new Date(),
): Promise<CreditActivityResponse> {
  const { bucket, starts, since } = bucketStarts(query.range, now);
  const rows = await db.$queryRaw<{ start: Date; spent: bigint | null; refunded: bigint | null }[]>`
    SELECT date_trunc(${bucket}, created_at, 'UTC') AS start,
           SUM(CASE WHEN kind = 'debit' THEN -amount ELSE 0 END) AS spent,
           SUM(CASE WHEN kind = 'refund' THEN amount ELSE 0 END) AS refunded
      FROM credit_ledger
     WHERE client_id = ${caller.clientId} AND mode = ${caller.mode}::"DataMode"
       AND created_at >= ${since} AND kind IN ('debit', 'refund')
     GROUP BY 1`;
  const points = fillBuckets(
    starts,
    rows.map((row) => ({
      start: row.start,
      spent: Number(row.spent ?? 0),
      refunded: Number(row.refunded ?? 0),
    })),
  );
  return {
    bucket,
    points,
    spent: points.reduce((sum, p) => sum + p.spent, 0),
    refunded: points.reduce((sum, p) => sum + p.refunded, 0),
  };
}
