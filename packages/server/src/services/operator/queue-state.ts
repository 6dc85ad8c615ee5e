import type { PrismaClient } from "@garment/db";

/** The work waiting and running across every instance, as the database has it now. */
export interface QueueState {
  /** Jobs accepted and not started (NOT_STARTED). */
  queuedJobs: number;
  /** Age of the oldest of them, in seconds (0 when none waits). */
  oldestQueuedSeconds: number;
  /** Jobs whose work has started (IN_PROGRESS). */
  jobsInProgress: number;
  /** Events waiting in the outbox for Inngest (always 0 with the embedded runner). */
  outboxPending: number;
  /** Age of the oldest unsent event, in seconds. */
  oldestOutboxSeconds: number;
}

/**
 * One statement over the indexed status columns (jobs (status, updated_at), the outbox's
 * (sent_at, next_attempt_at)): cheap enough for every scrape and every page view.
 */
export async function readQueueState(db: PrismaClient): Promise<QueueState> {
  const [row] = await db.$queryRaw<
    {
      queued: number;
      oldest_queued: number | null;
      in_progress: number;
      outbox: number;
      oldest_outbox: number | null;
    }[]
  >`
    SELECT
      (SELECT count(*)::int FROM jobs WHERE status = 'NOT_STARTED'::"JobStatus") AS queued,
      (SELECT extract(epoch FROM now() - min(updated_at))::float8
         FROM jobs WHERE status = 'NOT_STARTED'::"JobStatus") AS oldest_queued,
      (SELECT count(*)::int FROM jobs WHERE status = 'IN_PROGRESS'::"JobStatus") AS in_progress,
      (SELECT count(*)::int FROM workflow_outbox WHERE sent_at IS NULL) AS outbox,
      (SELECT extract(epoch FROM now() - min(created_at))::float8
         FROM workflow_outbox WHERE sent_at IS NULL) AS oldest_outbox`;
  return {
    queuedJobs: row?.queued ?? 0,
    oldestQueuedSeconds: Math.max(0, row?.oldest_queued ?? 0),
    jobsInProgress: row?.in_progress ?? 0,
    outboxPending: row?.outbox ?? 0,
    oldestOutboxSeconds: Math.max(0, row?.oldest_outbox ?? 0),
  };
}
