import type { DataMode, PrismaClient } from "@garment/db";
import type { WebhookEventType } from "@garment/schemas";
import { ulid } from "../../ids";
import type { WorkflowEvent } from "../../ports/workflow-engine";

/** The event that starts one delivery run; its id is the delivery's, so it runs once. */
export const WEBHOOK_DELIVERY_EVENT = "studio/webhook.delivery-requested";

export interface WebhookDeliveryEventData {
  deliveryId: string;
}

/** What a delivery announces: a finished job (`job.*`) or a finished batch (`batch.finished`). */
export type DeliverySubject = { jobId: string } | { batchId: string };

/**
 * One delivery row per (endpoint, subject) for every enabled endpoint of the owner — created
 * once, whoever announces first — and one engine event per pending delivery, with the delivery
 * id as event id, so repeated announcements start nothing new. Every endpoint hears every event
 * type (endpoints have no subscription filter).
 */
export async function enqueueDeliveries(
  db: PrismaClient,
  send: (event: WorkflowEvent) => Promise<void>,
  owner: { clientId: string; mode: DataMode },
  subject: DeliverySubject,
  eventType: WebhookEventType,
): Promise<{ deliveries: number }> {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { clientId: owner.clientId, mode: owner.mode, enabled: true, deletedAt: null },
    select: { id: true },
  });
  if (endpoints.length === 0) return { deliveries: 0 };
  await db.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      id: ulid(),
      endpointId: endpoint.id,
      ...subject,
      eventType,
    })),
    skipDuplicates: true,
  });
  const pending = await db.webhookDelivery.findMany({
    where: { ...subject, status: "pending", endpointId: { in: endpoints.map((e) => e.id) } },
    select: { id: true },
  });
  for (const delivery of pending) {
    const data: WebhookDeliveryEventData = { deliveryId: delivery.id };
    await send({ id: `webhook-delivery-${delivery.id}`, name: WEBHOOK_DELIVERY_EVENT, data });
  }
  return { deliveries: pending.length };
}
