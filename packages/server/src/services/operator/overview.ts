import type { PrismaClient } from "@garment/db";
import { readQueueState, type QueueState } from "./queue-state";
import { readOperatorTimeline, type TimelineBucket } from "./timeline";

/** What the operator's page shows: every client, both modes, as the database has it now. */
export interface OperatorOverview {
  /** When it was read (ISO 8601): every time here is a string, as any transport carries it. */
  at: string;
  queue: QueueState;
  /** Clients with unfinished work, busiest first. */
  clients: { clientId: string; name: string; running: number; queued: number }[];
  /** Every client's credit balances, live and test (0 where it has no account in a mode). */
  balances: { clientId: string; name: string; live: number; test: number }[];
  /** Every operation and whether dispatch accepts it now (the operator's switches). */
  operations: { name: string; creditsCost: number; enabled: boolean }[];
  /** The last failures, newest first. */
  recentFailures: {
    jobId: string;
    clientName: string;
    mode: string;
    reason: string;
    creditsRefunded: number;
    finishedAt: string;
  }[];
  /** The last 24 h in 15-minute buckets, for the charts. */
  timeline: (Omit<TimelineBucket, "start"> & { start: string })[];
  /**
   * Jobs that finished in the last 24 h: outcomes, refunds and their reasons. The timeline's
   * 96 buckets summed, so the figures agree with the charts (the day starts at the first
   * bucket's 15-minute boundary).
   */
  lastDay: {
    succeeded: number;
    failed: number;
    /** Failed (refunded) over finished; null when nothing finished. */
    refundRate: number | null;
    creditsRefunded: number;
    byReason: { reason: string; jobs: number }[];
  };
}

const RECENT_FAILURES = 20;
const BUSIEST_CLIENTS = 50;
const CLIENT_BALANCES = 500;

/**
 * The operator's page, from one function: the queue and outbox backlog, who is running what,
 * the last failures and the last day's refund rate. Every query runs over the jobs' (status,
 * updated_at) index. Who may see it is its operation's audience (the operator role).
 */
export async function getOperatorOverview(
  db: PrismaClient,
  now = new Date(),
): Promise<OperatorOverview> {
  const [queue, timeline, clients, balances, operations, failures] = await Promise.all([
    readQueueState(db),
    readOperatorTimeline(db, now),
    db.$queryRaw<{ client_id: string; name: string; running: number; queued: number }[]>`
      SELECT j.client_id, c.name,
             count(*) FILTER (WHERE j.status = 'IN_PROGRESS'::"JobStatus")::int AS running,
             count(*) FILTER (WHERE j.status = 'NOT_STARTED'::"JobStatus")::int AS queued
        FROM jobs j JOIN clients c ON c.id = j.client_id
       WHERE j.status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
       GROUP BY j.client_id, c.name
       ORDER BY running DESC, queued DESC, c.name
       LIMIT ${BUSIEST_CLIENTS}`,
    db.$queryRaw<{ client_id: string; name: string; live: number; test: number }[]>`
      SELECT c.id AS client_id, c.name,
             coalesce(max(a.balance) FILTER (WHERE a.mode = 'live'::"DataMode"), 0)::int AS live,
             coalesce(max(a.balance) FILTER (WHERE a.mode = 'test'::"DataMode"), 0)::int AS test
        FROM clients c LEFT JOIN credit_accounts a ON a.client_id = c.id
       GROUP BY c.id, c.name
       ORDER BY c.name, c.id
       LIMIT ${CLIENT_BALANCES}`,
    db.operation.findMany({
      orderBy: { name: "asc" },
      select: { name: true, creditsCost: true, enabled: true },
    }),
    db.job.findMany({
      where: { status: "FAILURE" },
      orderBy: { updatedAt: "desc" },
      take: RECENT_FAILURES,
      select: {
        id: true,
        mode: true,
        failureReason: true,
        creditsCost: true,
        updatedAt: true,
        finishedAt: true,
        client: { select: { name: true } },
      },
    }),
  ]);
  return {
    at: now.toISOString(),
    queue,
    timeline: timeline.map((bucket) => ({ ...bucket, start: bucket.start.toISOString() })),
    clients: clients.map((row) => ({
      clientId: row.client_id,
      name: row.name,
      running: row.running,
      queued: row.queued,
    })),
    balances: balances.map((row) => ({
      clientId: row.client_id,
      name: row.name,
      live: row.live,
      test: row.test,
    })),
    operations,
    recentFailures: failures.map((job) => ({
      jobId: job.id,
      clientName: job.client.name,
      mode: job.mode,
      reason: job.failureReason ?? "unknown",
      // Every failure refunds its debit, exactly once (fail-and-refund).
      creditsRefunded: job.creditsCost,
      finishedAt: (job.finishedAt ?? job.updatedAt).toISOString(),
    })),
    lastDay: lastDayOutcomes(timeline),
  };
}

/** The timeline's buckets summed: each finished job is in exactly one of them. */
function lastDayOutcomes(timeline: TimelineBucket[]): OperatorOverview["lastDay"] {
  let finished = 0;
  let failed = 0;
  let creditsRefunded = 0;
  const byReason = new Map<string, number>();
  for (const bucket of timeline) {
    finished += bucket.finished;
    failed += bucket.failed;
    creditsRefunded += bucket.creditsRefunded;
    for (const [reason, jobs] of Object.entries(bucket.failedByReason))
      byReason.set(reason, (byReason.get(reason) ?? 0) + jobs);
  }
  return {
    succeeded: finished - failed,
    failed,
    refundRate: finished === 0 ? null : failed / finished,
    creditsRefunded,
    byReason: [...byReason]
      .map(([reason, jobs]) => ({ reason, jobs }))
      .sort((a, b) => b.jobs - a.jobs),
  };
}
