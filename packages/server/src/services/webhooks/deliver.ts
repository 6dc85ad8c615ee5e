import type { PrismaClient } from "@garment/db";
import type { BatchFinishedWebhookPayload, WebhookPayload } from "@garment/schemas";
import { Webhook } from "standardwebhooks";
import { ulid } from "../../ids";
import type { Metrics } from "../../ports/metrics";
import type { ApiSettings } from "../../config/api-settings";
import type { UrlSigner } from "../../storage/url-signer";
import { readBatchSummary } from "../batches/batch-summary";
import { getJobDetail } from "../jobs/get-job";
import { postWebhook, refusalOf } from "./post-webhook";
import type { ResolveHost } from "./url-policy";

export interface WebhookDeliveryDeps {
  db: PrismaClient;
  signer: UrlSigner;
  settings: ApiSettings;
  /** How webhook hosts are resolved (the system resolver unless a test injects one). */
  resolveHost?: ResolveHost;
  now?: () => Date;
  /** Each attempt's outcome for the operator (nothing recorded when absent). */
  metrics?: Metrics;
}

/** Why a delivery will never succeed (endpoint refused): retrying cannot help. */
export class UndeliverableWebhook extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UndeliverableWebhook";
  }
}

/**
 * The message body, built once per delivery (the workflow memoizes it), so every retry sends
 * the same bytes: `{type, timestamp, data}`, where data is the JobDetailResponse for `job.*` and
 * the BatchSummary for `batch.finished`. Null when there is nothing to send.
 */
export async function buildWebhookMessage(
  deps: WebhookDeliveryDeps,
  deliveryId: string,
): Promise<{ body: string } | null> {
  const delivery = await deps.db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: { select: { clientId: true, mode: true } } },
  });
  if (!delivery) return null;
  const timestamp = (deps.now?.() ?? new Date()).toISOString();
  if (delivery.batchId !== null) {
    const summary = await readBatchSummary(deps.db, delivery.batchId);
    if (!summary) return null;
    const payload: BatchFinishedWebhookPayload = {
      type: "batch.finished",
      timestamp,
      data: summary,
    };
    return { body: JSON.stringify(payload) };
  }
  if (delivery.jobId === null) return null;
  const detail = await getJobDetail(
    deps.db,
    deps.signer,
    {
      clientId: delivery.endpoint.clientId,
      mode: delivery.endpoint.mode,
      capabilities: ["jobs:read"],
      apiKeyId: null,
    },
    delivery.jobId,
  );
  const payload: WebhookPayload = {
    type: delivery.eventType as WebhookPayload["type"],
    timestamp,
    data: detail,
  };
  return { body: JSON.stringify(payload) };
}

export type DeliveryOutcome =
  | { outcome: "succeeded"; attempt: number; statusCode: number }
  | { outcome: "skipped" | "missing" };

/**
 * One attempt: signs the body per Standard Webhooks (`webhook-id` = the delivery id, the same on
 * every retry; a fresh `webhook-timestamp`), POSTs it with a deadline and no redirects, and logs
 * the attempt. A non-2xx answer, a timeout or a network error throws, so the engine retries
 * with backoff; an endpoint deleted or disabled meanwhile ends the delivery as `skipped`.
 */
export async function attemptWebhookDelivery(
  deps: WebhookDeliveryDeps,
  deliveryId: string,
  body: string,
): Promise<DeliveryOutcome> {
  const { db } = deps;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true },
  });
  if (!delivery) return { outcome: "missing" };
  if (delivery.status === "succeeded") {
    const last = await db.webhookDeliveryAttempt.findFirst({
      where: { deliveryId },
      orderBy: { attempt: "desc" },
    });
    return { outcome: "succeeded", attempt: last?.attempt ?? 0, statusCode: last?.statusCode ?? 0 };
  }
  const { endpoint } = delivery;
  if (!endpoint.enabled || endpoint.deletedAt) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "skipped", updatedAt: new Date() },
    });
    deps.metrics?.webhookAttempted({ outcome: "skipped" });
    return { outcome: "skipped" };
  }
  const { attempts: attempt } = await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 }, updatedAt: new Date() },
    select: { attempts: true },
  });

  const timeoutMs = deps.settings.outboundTimeoutMs;
  const startedAt = performance.now();
  let statusCode: number | null = null;
  let failure: string | null = null;
  let refused = false;
  try {
    // The signature covers `${id}.${timestamp}.${body}`; the header carries the same instant.
    const sentAt = new Date(Math.floor((deps.now?.() ?? new Date()).getTime() / 1000) * 1000);
    const signature = new Webhook(endpoint.secret).sign(delivery.id, sentAt, body);
    const timestamp = sentAt.getTime() / 1000;
    // The address policy is applied here, at each attempt, on the address connected to.
    statusCode = await postWebhook({
      url: endpoint.url,
      headers: {
        "content-type": "application/json",
        "user-agent": "GarmentStudio-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      },
      body,
      timeoutMs,
      allowPrivate: deps.settings.webhooks.allowPrivateUrls,
      ...(deps.resolveHost ? { resolve: deps.resolveHost } : {}),
    });
    if (statusCode < 200 || statusCode >= 300)
      failure =
        statusCode >= 300 && statusCode < 400
          ? `the endpoint answered ${statusCode} (redirects are not followed)`
          : `the endpoint answered ${statusCode}`;
  } catch (error) {
    const refusal = refusalOf(error);
    refused = refusal !== null;
    const name = error instanceof Error ? error.name : "";
    failure = refusal
      ? refusal.message
      : name === "TimeoutError" || name === "AbortError"
        ? `no answer within ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
  }
  await db.webhookDeliveryAttempt.create({
    data: {
      id: ulid(),
      deliveryId,
      attempt,
      statusCode,
      error: failure,
      durationMs: Math.round(performance.now() - startedAt),
    },
  });
  if (failure === null && statusCode !== null) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "succeeded", updatedAt: new Date() },
    });
    deps.metrics?.webhookAttempted({ outcome: "succeeded" });
    return { outcome: "succeeded", attempt, statusCode };
  }
  deps.metrics?.webhookAttempted({ outcome: refused ? "refused" : "failed" });
  const message = `Webhook delivery ${deliveryId}, attempt ${attempt}: ${failure}`;
  throw refused ? new UndeliverableWebhook(message) : new Error(message);
}

/** After the last attempt: the delivery ends `failed` (the job itself is untouched). */
export async function markWebhookDeliveryFailed(db: PrismaClient, deliveryId: string) {
  await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: { status: "failed", updatedAt: new Date() },
  });
}
