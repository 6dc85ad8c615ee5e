import type { PrismaClient } from "@garment/db";
import type { WebhookEventType } from "@garment/schemas";
import type { WorkflowEvent } from "../../ports/workflow-engine";
import { enqueueDeliveries } from "./enqueue-deliveries";

/**
 * Tells every enabled endpoint of the job's client about a finished job (`job.succeeded` or
 * `job.failed`), once per endpoint however often it is called; nothing while the job runs.
 * `send` is null when this instance delivers no webhooks: the job is still marked announced.
 *
 * announced_at is set only after the deliveries were enqueued, so a crash in between (or before:
 * a cancel or a sweeper timeout is not retried by the engine) leaves the job to the stuck-job
 * sweeper, whose call enqueues nothing twice (deliveries are unique per endpoint and job, and
 * their events per delivery). Once it is set, calls do nothing.
 */
export async function announceJobFinished(
  db: PrismaClient,
  send: ((event: WorkflowEvent) => Promise<void>) | null,
  jobId: string,
): Promise<{ deliveries: number }> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { clientId: true, mode: true, status: true, announcedAt: true },
  });
  if (!job || job.announcedAt || (job.status !== "SUCCESS" && job.status !== "FAILURE"))
    return { deliveries: 0 };
  const eventType: WebhookEventType = job.status === "SUCCESS" ? "job.succeeded" : "job.failed";
  const enqueued = send
    ? await enqueueDeliveries(db, send, job, { jobId }, eventType)
    : { deliveries: 0 };
  await db.job.updateMany({
    where: { id: jobId, announcedAt: null },
    data: { announcedAt: new Date() },
  });
  return enqueued;
}
