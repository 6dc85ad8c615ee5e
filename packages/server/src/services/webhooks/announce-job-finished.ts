import type { PrismaClient } from "@garment/db";
import type { WebhookEventType } from "@garment/schemas";
import type { WorkflowEvent } from "../../ports/workflow-engine";
import { enqueueDeliveries } from "./enqueue-deliveries";

/**
 * Tells every enabled endpoint of the job's client about a finished job (`job.succeeded` or
 * `job.failed`), once per endpoint however often it is called.
 */
export async function announceJobFinished(
  db: PrismaClient,
  send: (event: WorkflowEvent) => Promise<void>,
  jobId: string,
): Promise<{ deliveries: number }> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { clientId: true, mode: true, status: true },
  });
  if (!job || (job.status !== "SUCCESS" && job.status !== "FAILURE")) return { deliveries: 0 };
  const eventType: WebhookEventType = job.status === "SUCCESS" ? "job.succeeded" : "job.failed";
  return enqueueDeliveries(db, send, job, { jobId }, eventType);
}
