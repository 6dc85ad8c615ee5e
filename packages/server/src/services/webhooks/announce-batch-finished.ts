import type { PrismaClient } from "@garment/db";
import type { WorkflowEvent } from "../../ports/workflow-engine";
import { enqueueDeliveries } from "./enqueue-deliveries";

/**
 * Tells every enabled endpoint of the batch's client that the batch finished (`batch.finished`),
 * once per endpoint however often it is called; nothing while the batch is unfinished.
 */
export async function announceBatchFinished(
  db: PrismaClient,
  send: (event: WorkflowEvent) => Promise<void>,
  batchId: string,
): Promise<{ deliveries: number }> {
  const batch = await db.batch.findUnique({
    where: { id: batchId },
    select: { clientId: true, mode: true, finishedAt: true },
  });
  if (!batch?.finishedAt) return { deliveries: 0 };
  return enqueueDeliveries(db, send, batch, { batchId }, "batch.finished");
}
