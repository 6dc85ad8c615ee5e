import type { PrismaClient } from "@garment/db";

/** The last 24 h in 15-minute buckets (96 points). */
export const TIMELINE_BUCKET_MINUTES = 15;
export const TIMELINE_BUCKETS = 96;

export interface TimelineBucket {
  /** Where the bucket starts (it ends TIMELINE_BUCKET_MINUTES later). */
  start: Date;
  /** Jobs queued (accepted, not started, not finished) at the bucket's end. */
  queued: number;
  /** Jobs accepted in the bucket, and finished in it (success or failure), per minute. */
  dispatchedPerMinute: number;
  finishedPerMinute: number;
  /** Jobs that finished in the bucket, and of those the failures (each refunded), by reason. */
  finished: number;
  failed: number;
  failedByReason: Record<string, number>;
  /** Credits refunded to those failures (each refunds its debit, once). */
  creditsRefunded: number;
}

interface Row {
  i: number;
  queued: number;
  dispatched: number;
  finished: number;
  failed: number;
  refunded: number;
  by_reason: Record<string, number> | string | null;
}

/**
 * The operator's charts in one statement: every job alive in a bucket (accepted before its end,
 * not finished before its start) is joined to it once, so a bucket counts what was queued at
 * its end, what was accepted and finished in it, and the failures by reason.
 */
export async function readOperatorTimeline(db: PrismaClient, now: Date): Promise<TimelineBucket[]> {
  const stepMs = TIMELINE_BUCKET_MINUTES * 60_000;
  // Aligned to the bucket size, so reloads do not shift the buckets.
  const end = new Date(Math.ceil(now.getTime() / stepMs) * stepMs);
  const from = new Date(end.getTime() - TIMELINE_BUCKETS * stepMs);
  const rows = await db.$queryRaw<Row[]>`
    WITH buckets AS (
      SELECT i::int AS i,
             ${from}::timestamptz + i * interval '15 minutes' AS t0,
             ${from}::timestamptz + (i + 1) * interval '15 minutes' AS t1
        FROM generate_series(0, ${TIMELINE_BUCKETS - 1}::int) AS i
    ),
    alive AS (
      SELECT b.i, b.t0, b.t1, j.created_at, j.started_at, j.finished_at, j.status, j.credits_cost,
             coalesce(j.failure_reason, 'unknown') AS reason
        FROM buckets b
        JOIN jobs j ON j.created_at < b.t1 AND (j.finished_at IS NULL OR j.finished_at >= b.t0)
       WHERE j.created_at < ${end}::timestamptz
         -- Implied by the join (a job's updated_at is at least its finished_at), but lets the
         -- planner read only unfinished and recently finished jobs off (status, updated_at).
         AND (j.status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
              OR j.updated_at >= ${from}::timestamptz)
    ),
    counts AS (
      SELECT i,
             count(*) FILTER (WHERE (started_at IS NULL OR started_at >= t1)
                                AND (finished_at IS NULL OR finished_at >= t1))::int AS queued,
             count(*) FILTER (WHERE created_at >= t0)::int AS dispatched,
             count(*) FILTER (WHERE finished_at < t1)::int AS finished,
             count(*) FILTER (WHERE finished_at < t1 AND status = 'FAILURE'::"JobStatus")::int AS failed,
             coalesce(sum(credits_cost) FILTER (WHERE finished_at < t1 AND status = 'FAILURE'::"JobStatus"), 0)::int
               AS refunded
        FROM alive GROUP BY i
    ),
    reasons AS (
      SELECT i, reason, count(*)::int AS jobs
        FROM alive
       WHERE finished_at < t1 AND status = 'FAILURE'::"JobStatus"
       GROUP BY i, reason
    )
    SELECT b.i,
           coalesce(c.queued, 0) AS queued, coalesce(c.dispatched, 0) AS dispatched,
           coalesce(c.finished, 0) AS finished, coalesce(c.failed, 0) AS failed,
           coalesce(c.refunded, 0) AS refunded,
           (SELECT jsonb_object_agg(r.reason, r.jobs) FROM reasons r WHERE r.i = b.i) AS by_reason
      FROM buckets b LEFT JOIN counts c ON c.i = b.i
     ORDER BY b.i`;
  return rows.map((row) => ({
    start: new Date(from.getTime() + row.i * stepMs),
    queued: row.queued,
    dispatchedPerMinute: row.dispatched / TIMELINE_BUCKET_MINUTES,
    finishedPerMinute: row.finished / TIMELINE_BUCKET_MINUTES,
    finished: row.finished,
    failed: row.failed,
    creditsRefunded: row.refunded,
    failedByReason:
      typeof row.by_reason === "string"
        ? (JSON.parse(row.by_reason) as Record<string, number>)
        : (row.by_reason ?? {}),
  }));
}
