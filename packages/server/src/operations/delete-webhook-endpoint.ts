import { WebhookEndpointResponse } from "@garment/schemas";
import { deleteWebhookEndpoint as remove } from "../services/webhooks/endpoints";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const deleteWebhookEndpoint = defineOperation({
  audience: { capability: "jobs:create" },
  input: PublicIdInput,
  output: WebhookEndpointResponse,
  run: ({ runtime, caller }, { public_id }) => remove(runtime.db, caller, public_id),
  trpc: "mutation",
  rest: { method: "DELETE", path: "/v1/webhooks/endpoints/{public_id}" },
  openapi: {
    operationId: "deleteWebhookEndpoint",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint",
    returns: "The deleted endpoint; pending deliveries stop.",
    errors: ["RESOURCE_NOT_FOUND"],
  },
});
