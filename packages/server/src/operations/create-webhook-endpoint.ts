import { WebhookEndpointCreatedResponse, WebhookEndpointCreateRequest } from "@garment/schemas";
import { z } from "zod";
import { createWebhookEndpoint as create } from "../services/webhooks/endpoints";
import { defineOperation } from "./define";

export const createWebhookEndpoint = defineOperation({
  audience: { capability: "jobs:create" },
  input: WebhookEndpointCreateRequest,
  output: WebhookEndpointCreatedResponse,
  run: ({ runtime, caller }, body) => create(runtime.db, runtime.settings, caller, body),
  trpc: "mutation",
  rest: {
    method: "POST",
    path: "/v1/webhooks/endpoints",
    input: "body",
    status: 201,
    present: (created) => ({
      body: created,
      headers: { location: `/v1/webhooks/endpoints/${created.public_id}` },
    }),
  },
  openapi: {
    operationId: "createWebhookEndpoint",
    tag: "Webhooks",
    summary: "Register a webhook endpoint",
    description:
      "On each job's `succeeded` / `failed`, the job detail is POSTed here (see the `jobFinished` webhook), signed per Standard Webhooks. Private and loopback addresses are refused in production.",
    returns: "Registered; the signing secret is shown this once.",
    responseHeaders: z.object({ location: z.string() }),
    requestExample: {
      url: "https://example.com/hooks/garment-studio",
      description: "orders service",
    },
    errors: ["PAYLOAD_TOO_LARGE", "VALIDATION_ERROR"],
  },
});
