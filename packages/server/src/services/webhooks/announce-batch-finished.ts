import type { PrismaClient } from "@garment/db";
import type { WorkflowEvent } from "../../ports/workflow-engine";
import { enqueueDeliveries } from "./enqueue-deliveries";

/**
 * Tells every enabled endpoint of the batch's client that the batch finished (`batch.finished`),
 * once per endpoint however often it is called; nothing while the batch is unfinished. `send`
 * is null when this instance delivers no webhooks: the batch is still marked announced.
 *
 * announced_at is set only after the deliveries were enqueued, so a crash in between leaves the
 * batch to the stuck-job sweeper, whose call enqueues nothing twice (deliveries are unique per
 * endpoint and batch, and their events per delivery). Once it is set, calls do nothing.
 */
export async function announceBatchFinished(
  db: PrismaClient,
  send: ((event: WorkflowEvent) => Promise<void>) | null,
  batchId: string,
): Promise<{ deliveries: number }> {
  const batch = await db.batch.findUnique({
    where: { id: batchId },
    select: { clientId: true, mode: true, finishedAt: true, announcedAt: true },
  });
  if (!batch?.finishedAt || batch.announcedAt) return { deliveries: 0 };
  const enqueued = send
    ? await enqueueDeliveries(db, send, batch, { batchId }, "batch.finished")
    : { deliveries: 0 };
  await db.batch.updateMany({
    where: { id: batchId, announcedAt: null },
    data: { announcedAt: new Date() },
  });
  return enqueued;
}
