import type { PrismaClient } from "@garment/db";
import { failJobAndRefund, type JobObservers } from "../credits/fail-and-refund";
import { findUnannouncedBatches } from "../batches/unannounced-batches";
import { findUnannouncedJobs } from "./unannounced-jobs";
import { COMPLEMENTARY_GARMENT_OPERATION, type DispatchEventData } from "../dispatch/operation";

/** How long a job may run once its work started (a run stuck on a dead worker). */
export const DEFAULT_JOB_DEADLINE_MS = 30 * 60 * 1000;
/**
 * How long a job may wait to start. Counted apart from the run deadline so one client's backlog
 * (held back by its concurrency limit) never times out anybody's running jobs.
 */
export const DEFAULT_QUEUE_DEADLINE_MS = 6 * 60 * 60 * 1000;
/** A job still waiting after this long has its start event sent again (same id: one run). */
export const DEFAULT_RESEND_AFTER_MS = 5 * 60 * 1000;

export interface JobDeadlines {
  /** From the start of work (`started_at`). */
  runMs: number;
  /** From acceptance, for a job that never started. */
  queueMs: number;
}

export const DEFAULT_JOB_DEADLINES: JobDeadlines = {
  runMs: DEFAULT_JOB_DEADLINE_MS,
  queueMs: DEFAULT_QUEUE_DEADLINE_MS,
};

/**
 * Fails and refunds jobs past their deadline: running too long since their work started, or
 * waiting too long to start. Safe to run from several processes: the refund happens once.
 */
export async function failStuckJobs(
  db: PrismaClient,
  deadlines: JobDeadlines = DEFAULT_JOB_DEADLINES,
  now = new Date(),
  /** Called for each job this call failed (webhooks announce it). */
  onFailed?: (jobId: string) => Promise<void>,
  observers?: JobObservers,
): Promise<number> {
  const stuck = await db.job.findMany({
    where: {
      OR: [
        {
          status: "IN_PROGRESS",
          startedAt: { lt: new Date(now.getTime() - deadlines.runMs) },
        },
        {
          status: "NOT_STARTED",
          createdAt: { lt: new Date(now.getTime() - deadlines.queueMs) },
        },
      ],
    },
    select: { id: true, status: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  let failed = 0;
  for (const job of stuck) {
    const running = job.status === "IN_PROGRESS";
    const minutes = Math.round((running ? deadlines.runMs : deadlines.queueMs) / 60_000);
    const result = await failJobAndRefund(
      db,
      {
        jobId: job.id,
        reason: running ? "timed_out" : "not_started",
        message: running
          ? `The job did not finish within ${minutes} minutes of starting; the credits were refunded.`
          : `The job did not start within ${minutes} minutes; the credits were refunded.`,
      },
      observers,
    );
    if (result.failed) {
      failed += 1;
      await onFailed?.(job.id);
    }
  }
  return failed;
}

/**
 * Sends the start event again for jobs still waiting after `olderThanMs`, before the queue
 * deadline gives up on them: the event id is the request id, so a job whose event did arrive
 * still runs once (the runner keeps one run per event id; Inngest deduplicates it, and the
 * outbox re-sends a given event at most once per `olderThanMs`).
 */
export async function resendWaitingJobs(
  db: PrismaClient,
  send: (event: { id: string; name: string; data: DispatchEventData }) => Promise<void>,
  olderThanMs = DEFAULT_RESEND_AFTER_MS,
  now = new Date(),
): Promise<number> {
  const waiting = await db.job.findMany({
    where: { status: "NOT_STARTED", createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    select: { id: true, requestId: true, clientId: true, mode: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  for (const job of waiting) {
    await send({
      id: job.requestId,
      name: COMPLEMENTARY_GARMENT_OPERATION.eventName,
      data: { jobId: job.id, requestId: job.requestId, clientId: job.clientId, mode: job.mode },
    });
  }
  return waiting.length;
}

export interface SweeperOptions {
  deadlines?: JobDeadlines;
  resendAfterMs?: number;
  intervalMs?: number;
  /** Re-sends a start event (the workflow hand-off's `send`). */
  resend: (event: { id: string; name: string; data: DispatchEventData }) => Promise<void>;
  /**
   * Called for each job the sweeper failed, and for each job that ended but whose terminal
   * webhook was never announced (a crash came first): announces it, idempotently.
   */
  onJobEnded?: (jobId: string) => Promise<void>;
  /**
   * Called for each batch whose jobs all ended but whose end was never announced (a crash came
   * first): finishes and announces it, idempotently.
   */
  onBatchEnded?: (batchId: string) => Promise<void>;
  onError: (error: unknown) => void;
  observers?: JobObservers;
}

/**
 * One pass of the sweeper: re-sends, fails what is past its deadline, then announces the jobs
 * and finishes and announces the batches a crash left behind (jobs first, so a batch's last
 * `job.*` event still comes before its `batch.finished`). Every instance runs it; each step is
 * safe against another instance's same step at the same moment.
 */
export async function sweepStuckWork(db: PrismaClient, options: SweeperOptions, now = new Date()) {
  await resendWaitingJobs(db, options.resend, options.resendAfterMs, now);
  await failStuckJobs(db, options.deadlines, now, options.onJobEnded, options.observers);
  if (options.onJobEnded)
    for (const jobId of await findUnannouncedJobs(db, now)) await options.onJobEnded(jobId);
  if (options.onBatchEnded)
    for (const batchId of await findUnannouncedBatches(db, now))
      await options.onBatchEnded(batchId);
}

/** Runs sweepStuckWork every `intervalMs` until stopped. */
export function startStuckJobSweeper(db: PrismaClient, options: SweeperOptions) {
  const timer = setInterval(() => {
    sweepStuckWork(db, options).catch(options.onError);
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
