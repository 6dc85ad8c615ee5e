import { PageQuery, WebhookDeliveryListResponse } from "@garment/schemas";
import { listWebhookDeliveries as list } from "../services/webhooks/endpoints";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const listWebhookDeliveries = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput.extend(PageQuery.shape),
  output: WebhookDeliveryListResponse,
  run: ({ runtime, caller }, { public_id, ...page }) => list(runtime.db, caller, public_id, page),
  trpc: "query",
  rest: { method: "GET", path: "/v1/webhooks/endpoints/{public_id}/deliveries", input: "query" },
  openapi: {
    operationId: "listWebhookDeliveries",
    tag: "Webhooks",
    summary: "An endpoint's deliveries and every attempt",
    returns: "Newest first, each with its attempts.",
    errors: ["RESOURCE_NOT_FOUND", "VALIDATION_ERROR"],
  },
});
