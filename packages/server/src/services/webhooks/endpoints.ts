import type { PrismaClient } from "@garment/db";
import {
  type PageQuery,
  WebhookEndpointCreateRequest,
  zodIssuesToDetail,
  type WebhookDeliveryListResponse,
  type WebhookDeliveryResponse,
  type WebhookEndpointCreatedResponse,
  type WebhookEndpointListResponse,
  type WebhookEndpointResponse,
} from "@garment/schemas";
import { randomBytes } from "node:crypto";
import { ulid } from "../../ids";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";
import { resourceNotFound, validationFailed } from "../../errors";
import type { ApiSettings } from "../../config/api-settings";
import { assertPublicWebhookUrl, WebhookUrlRefused } from "./url-policy";

/** Most live endpoints one client may have per mode. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  createdAt: Date;
}

function toResponse(row: EndpointRow): WebhookEndpointResponse {
  return {
    public_id: row.id,
    url: row.url,
    description: row.description,
    enabled: row.enabled,
    created_at: row.createdAt.toISOString(),
  };
}

/** Registers an endpoint; its secret is returned here only. Managing webhooks is `jobs:create`. */
export async function createWebhookEndpoint(
  db: PrismaClient,
  settings: ApiSettings,
  caller: Caller,
  body: unknown,
): Promise<WebhookEndpointCreatedResponse> {
  const parsed = WebhookEndpointCreateRequest.safeParse(body);
  if (!parsed.success) throw validationFailed(zodIssuesToDetail(parsed.error.issues, body));
  const { url, description } = parsed.data;
  if (!settings.webhooks.allowPrivateUrls) {
    try {
      await assertPublicWebhookUrl(url);
    } catch (error) {
      if (!(error instanceof WebhookUrlRefused)) throw error;
      throw validationFailed([{ loc: ["body", "url"], msg: error.message, type: "value_error" }]);
    }
  }
  const live = await db.webhookEndpoint.count({
    where: { clientId: caller.clientId, mode: caller.mode, deletedAt: null },
  });
  if (live >= MAX_WEBHOOK_ENDPOINTS) {
    throw validationFailed([
      {
        loc: ["body"],
        msg: `At most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first.`,
        type: "value_error",
      },
    ]);
  }
  const row = await db.webhookEndpoint.create({
    data: {
      id: ulid(),
      clientId: caller.clientId,
      mode: caller.mode,
      url,
      description,
      secret: generateWebhookSecret(),
    },
  });
  return { ...toResponse(row), secret: row.secret };
}

export async function listWebhookEndpoints(
  db: PrismaClient,
  caller: Caller,
): Promise<WebhookEndpointListResponse> {
  const rows = await db.webhookEndpoint.findMany({
    where: { clientId: caller.clientId, mode: caller.mode, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { endpoints: rows.map(toResponse) };
}

/** Deletes an endpoint of the caller's (404 for anyone else's); pending deliveries stop. */
export async function deleteWebhookEndpoint(
  db: PrismaClient,
  caller: Caller,
  endpointId: string,
): Promise<WebhookEndpointResponse> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, clientId: caller.clientId, mode: caller.mode, deletedAt: null },
  });
  if (!row) throw resourceNotFound("webhook endpoint");
  await db.webhookEndpoint.update({
    where: { id: row.id },
    data: { deletedAt: new Date(), enabled: false },
  });
  return toResponse({ ...row, enabled: false });
}

/** An endpoint's deliveries, newest first, each with its attempts (the delivery log). */
export async function listWebhookDeliveries(
  db: PrismaClient,
  caller: Caller,
  endpointId: string,
  page: PageQuery,
): Promise<WebhookDeliveryListResponse> {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, clientId: caller.clientId, mode: caller.mode },
    select: { id: true },
  });
  if (!endpoint) throw resourceNotFound("webhook endpoint");
  const { rows, next_cursor } = keysetPage(
    await db.webhookDelivery.findMany({
      where: { endpointId, ...keysetWhere(page) },
      orderBy: keysetOrder,
      ...keysetWindow(page),
      include: { attemptsLog: { orderBy: { attempt: "asc" } } },
    }),
    page,
  );
  return {
    deliveries: rows.map((row) => ({
      public_id: row.id,
      job_public_id: row.jobId,
      batch_public_id: row.batchId,
      event_type: row.eventType as WebhookDeliveryResponse["event_type"],
      status: row.status as WebhookDeliveryResponse["status"],
      attempts: row.attemptsLog.map((attempt) => ({
        attempt: attempt.attempt,
        status_code: attempt.statusCode,
        error: attempt.error,
        duration_ms: attempt.durationMs,
        created_at: attempt.createdAt.toISOString(),
      })),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    })),
    limit: page.limit,
    offset: page.offset,
    count: rows.length,
    next_cursor,
  };
}
