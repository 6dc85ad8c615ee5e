import { z } from "zod";
import { PageInfo } from "./page";
import { BatchSummary } from "./batches";
import { JobDetailResponse } from "./jobs";

// Money reads, usage, operations and webhooks: the account side of the public API.

export const CreditsResponse = z
  .object({
    balance: z.int().meta({ example: 995 }),
    currency: z.literal("credits"),
  })
  .meta({ id: "CreditsResponse" });
export type CreditsResponse = z.infer<typeof CreditsResponse>;

export const OperationResponse = z
  .object({
    name: z.string().meta({ example: "complementary-garment-generator" }),
    op_class: z.string(),
    credits_cost: z.int().meta({ example: 5 }),
    enabled: z.boolean(),
  })
  .meta({ id: "OperationResponse" });

export const OperationListResponse = z
  .object({ operations: z.array(OperationResponse) })
  .meta({ id: "OperationListResponse" });
export type OperationListResponse = z.infer<typeof OperationListResponse>;

/** One request_logs row, as the caller sees it. */
export const UsageRecordResponse = z
  .object({
    request_id: z.string(),
    transport: z.enum(["rest", "trpc"]),
    method: z.string().meta({ example: "POST" }),
    path: z.string().meta({ example: "/v1/complementary-garment-generator" }),
    status_code: z.int().meta({ example: 202 }),
    latency_ms: z.int().nullable(),
    credits_moved: z.int().meta({ description: "Negative when charged.", example: -5 }),
    error_code: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "UsageRecordResponse" });
export type UsageRecordResponse = z.infer<typeof UsageRecordResponse>;

export const UsageResponse = z
  .object({
    usage: z.array(UsageRecordResponse),
    ...PageInfo.shape,
    count: z.int().meta({ description: "Rows on this page." }),
  })
  .meta({ id: "UsageResponse" });
export type UsageResponse = z.infer<typeof UsageResponse>;

export const WEBHOOK_EVENT_TYPES = ["job.succeeded", "job.failed", "batch.finished"] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const WebhookEndpointCreateRequest = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "Input should be a valid http(s) URL" })
      .max(2000)
      .meta({ example: "https://example.com/hooks/garment-studio" }),
    description: z.string().max(200).default(""),
  })
  .meta({ id: "WebhookEndpointCreateRequest" });
export type WebhookEndpointCreateInput = z.input<typeof WebhookEndpointCreateRequest>;

export const WebhookEndpointResponse = z
  .object({
    public_id: z.string(),
    url: z.string(),
    description: z.string(),
    enabled: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: "WebhookEndpointResponse" });
export type WebhookEndpointResponse = z.infer<typeof WebhookEndpointResponse>;

export const WebhookEndpointCreatedResponse = WebhookEndpointResponse.extend({
  secret: z.string().meta({
    description:
      "The Standard Webhooks signing secret (`whsec_…`). Shown once, at creation: store it to verify deliveries.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).meta({ id: "WebhookEndpointCreatedResponse" });
export type WebhookEndpointCreatedResponse = z.infer<typeof WebhookEndpointCreatedResponse>;

export const WebhookEndpointListResponse = z
  .object({ endpoints: z.array(WebhookEndpointResponse) })
  .meta({ id: "WebhookEndpointListResponse" });
export type WebhookEndpointListResponse = z.infer<typeof WebhookEndpointListResponse>;

/** The body POSTed to an endpoint (Standard Webhooks' recommended `{type, timestamp, data}`). */
export const WebhookPayload = z
  .object({
    type: z.enum(["job.succeeded", "job.failed"]),
    timestamp: z.string(),
    data: JobDetailResponse,
  })
  .meta({ id: "WebhookPayload" });
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** The body of `batch.finished` (our extension): the batch's summary once every job is terminal. */
export const BatchFinishedWebhookPayload = z
  .object({
    type: z.literal("batch.finished"),
    timestamp: z.string(),
    data: BatchSummary,
  })
  .meta({ id: "BatchFinishedWebhookPayload" });
export type BatchFinishedWebhookPayload = z.infer<typeof BatchFinishedWebhookPayload>;

export const WebhookDeliveryAttemptResponse = z
  .object({
    attempt: z.int().meta({ description: "1 for the first try." }),
    status_code: z
      .int()
      .nullable()
      .meta({ description: "Null when no answer came (timeout, network)." }),
    error: z.string().nullable(),
    duration_ms: z.int(),
    created_at: z.string(),
  })
  .meta({ id: "WebhookDeliveryAttemptResponse" });

export const WebhookDeliveryResponse = z
  .object({
    public_id: z
      .string()
      .meta({ description: "The `webhook-id` header, the same on every attempt." }),
    job_public_id: z
      .string()
      .nullable()
      .meta({ description: "The job announced (`job.*`); null for `batch.finished`." }),
    batch_public_id: z
      .string()
      .nullable()
      .meta({ description: "The batch announced (`batch.finished`); null for `job.*`." }),
    event_type: WebhookEventType,
    status: z.enum(["pending", "succeeded", "failed", "skipped"]),
    attempts: z.array(WebhookDeliveryAttemptResponse),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "WebhookDeliveryResponse" });
export type WebhookDeliveryResponse = z.infer<typeof WebhookDeliveryResponse>;

export const WebhookDeliveryListResponse = z
  .object({
    deliveries: z.array(WebhookDeliveryResponse),
    ...PageInfo.shape,
    count: z.int().meta({ description: "Rows on this page." }),
  })
  .meta({ id: "WebhookDeliveryListResponse" });
export type WebhookDeliveryListResponse = z.infer<typeof WebhookDeliveryListResponse>;

/** The Studio's credits chart: spend and refunds per hour (last 24 h) or per day. */
export const CREDIT_ACTIVITY_RANGES = ["24h", "7d", "30d", "90d"] as const;
export const CreditActivityQuery = z.object({
  range: z.enum(CREDIT_ACTIVITY_RANGES).default("30d"),
});
export type CreditActivityQuery = z.infer<typeof CreditActivityQuery>;

export const CreditActivityPoint = z.object({
  /** The bucket's start, ISO 8601 UTC. */
  start: z.string(),
  /** Credits debited in the bucket (positive). */
  spent: z.int(),
  /** Credits refunded in the bucket (positive). */
  refunded: z.int(),
});
export const CreditActivityResponse = z.object({
  bucket: z.enum(["hour", "day"]),
  points: z.array(CreditActivityPoint),
  spent: z.int(),
  refunded: z.int(),
});
export type CreditActivityResponse = z.infer<typeof CreditActivityResponse>;
