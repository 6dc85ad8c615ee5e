import type { PrismaClient } from "@garment/db";
import type { WebhookEventType } from "@garment/schemas";
import { ulid } from "../../ids";
import type { WorkflowEvent } from "../../ports/workflow-engine";

/** The event that starts one delivery run; its id is the delivery's, so it runs once. */
export const WEBHOOK_DELIVERY_EVENT = "studio/webhook.delivery-requested";

export interface WebhookDeliveryEventData {
  deliveryId: string;
}

/**
 * Tells every enabled endpoint of the job's client about a finished job: one delivery row per
 * (endpoint, job) — created once, whoever announces first — and one engine event per pending
 * delivery, with the delivery id as event id so repeated announcements start nothing new.
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
  const endpoints = await db.webhookEndpoint.findMany({
    where: { clientId: job.clientId, mode: job.mode, enabled: true, deletedAt: null },
    select: { id: true },
  });
  if (endpoints.length === 0) return { deliveries: 0 };
  await db.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      id: ulid(),
      endpointId: endpoint.id,
      jobId,
      eventType,
    })),
    skipDuplicates: true,
  });
  const pending = await db.webhookDelivery.findMany({
    where: { jobId, status: "pending", endpointId: { in: endpoints.map((e) => e.id) } },
    select: { id: true },
  });
  for (const delivery of pending) {
    const data: WebhookDeliveryEventData = { deliveryId: delivery.id };
    await send({ id: `webhook-delivery-${delivery.id}`, name: WEBHOOK_DELIVERY_EVENT, data });
  }
  return { deliveries: pending.length };
}
