import { WebhookEndpointListResponse } from "@garment/schemas";
import { listWebhookEndpoints as list } from "../services/webhooks/endpoints";
import { defineOperation } from "./define";

export const listWebhookEndpoints = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: WebhookEndpointListResponse,
  run: ({ runtime, caller }) => list(runtime.db, caller),
  trpc: "query",
  rest: { method: "GET", path: "/v1/webhooks/endpoints" },
  openapi: {
    operationId: "listWebhookEndpoints",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    returns: "The caller's endpoints (without secrets).",
    errors: [],
  },
});
