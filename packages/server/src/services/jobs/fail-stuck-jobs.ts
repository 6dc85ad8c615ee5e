import type { PrismaClient } from "@garment/db";
import { failJobAndRefund } from "../credits/fail-and-refund";

export const DEFAULT_JOB_DEADLINE_MS = 30 * 60 * 1000;

/**
 * Fails and refunds jobs that are still unfinished past their deadline (a lost event, a run
 * stuck on a dead worker). Safe to run from several processes: the refund happens once.
 */
export async function failStuckJobs(
  db: PrismaClient,
  deadlineMs = DEFAULT_JOB_DEADLINE_MS,
  now = new Date(),
  /** Called for each job this call failed (webhooks announce it). */
  onFailed?: (jobId: string) => Promise<void>,
): Promise<number> {
  const stuck = await db.job.findMany({
    where: {
      status: { in: ["NOT_STARTED", "IN_PROGRESS"] },
      createdAt: { lt: new Date(now.getTime() - deadlineMs) },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  let failed = 0;
  for (const job of stuck) {
    const result = await failJobAndRefund(db, {
      jobId: job.id,
      reason: "timed_out",
      message: `The job did not finish within ${Math.round(deadlineMs / 60_000)} minutes; the credits were refunded.`,
    });
    if (result.failed) {
      failed += 1;
      await onFailed?.(job.id);
    }
  }
  return failed;
}

/** Runs failStuckJobs every `intervalMs` until the returned stop function is called. */
export function startStuckJobSweeper(
  db: PrismaClient,
  onError: (error: unknown) => void,
  deadlineMs = DEFAULT_JOB_DEADLINE_MS,
  intervalMs = 60_000,
  onFailed?: (jobId: string) => Promise<void>,
) {
  const timer = setInterval(() => {
    failStuckJobs(db, deadlineMs, new Date(), onFailed).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
