import {
  CatalogEntryListResponse,
  CatalogEntryResponse,
  CatalogListQuery,
  CompatibilityCheckRequest,
  CompatibilityCheckResponse,
  ComplementaryGarmentGeneratorRequest,
  CreditsResponse,
  ERROR_STATUS,
  ErrorEnvelope,
  GarmentCategoryListResponse,
  GarmentCategoryResponse,
  HTTPValidationError,
  ImageModelListResponse,
  JobDetailResponse,
  JobEventsQuery,
  JobEventsResponse,
  JobListQuery,
  JobListResponse,
  OperationListResponse,
  SpecVocabularyResponse,
  UsageQuery,
  UsageResponse,
  WebhookDeliveryListResponse,
  WebhookEndpointCreatedResponse,
  WebhookEndpointCreateRequest,
  WebhookEndpointListResponse,
  WebhookEndpointResponse,
  WebhookPayload,
  WorkflowAcceptedResponse,
  type ErrorCode,
} from "@garment/schemas";
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";

// The OpenAPI 3.1 document of /v1, generated from the same zod schemas the handlers parse and
// answer with. Never edited by hand: change a schema or an operation below.

export const API_VERSION = "1.0.0";

const EXAMPLE_ULID = "01KDVDNA00ZKRRMS30Q0DXB47N";

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "Missing, invalid or revoked credential.",
  INSUFFICIENT_BALANCE: "Not enough credits; nothing was charged and no job was created.",
  FORBIDDEN: "The credential lacks the capability, or the operation is disabled.",
  JOB_NOT_FOUND: "No such job (or not the caller's).",
  RESOURCE_NOT_FOUND: "No such resource (or not the caller's).",
  CONFLICT: "Conflicts with the resource's state or an earlier Idempotency-Key.",
  PAYLOAD_TOO_LARGE: "The body exceeds the size limit.",
  VALIDATION_ERROR: "Validation failed: FastAPI-style `detail` plus the error envelope.",
  RATE_LIMITED: "Too many requests for this credential; retry after `Retry-After` seconds.",
  INTERNAL: "Unexpected failure; quote the request id.",
  SERVICE_UNAVAILABLE: "The workflow engine did not accept the work; the debit was refunded.",
};

const requestIdHeader = z.string().meta({ description: "The request's ULID (request_logs id)." });

function errorExample(code: ErrorCode) {
  return {
    error: { code, message: ERROR_DESCRIPTIONS[code], request_id: EXAMPLE_ULID },
  };
}

/** The documented error answers of an operation, keyed by status. */
function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, group] of byStatus) {
    const description = group.map((code) => `\`${code}\`: ${ERROR_DESCRIPTIONS[code]}`).join(" ");
    if (status === 422) {
      responses["422"] = {
        description,
        content: {
          "application/json": {
            schema: HTTPValidationError,
            examples: {
              missing: {
                value: {
                  detail: [{ loc: ["body", "color"], msg: "Field required", type: "missing" }],
                  ...errorExample("VALIDATION_ERROR"),
                },
              },
            },
          },
        },
      };
      continue;
    }
    responses[`${status}` as `${4 | 5}${string}`] = {
      description,
      ...(status === 429
        ? {
            headers: z.object({
              "retry-after": z.string().meta({ description: "Seconds until a retry may succeed." }),
            }),
          }
        : {}),
      content: {
        "application/json": {
          schema: ErrorEnvelope,
          examples: Object.fromEntries(group.map((code) => [code, { value: errorExample(code) }])),
        },
      },
    };
  }
  return responses;
}

/** Every authenticated call may be refused these ways. */
const AUTH_ERRORS: ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED"];

function ok(
  description: string,
  schema: z.ZodType,
  example?: unknown,
  status = "200",
): ZodOpenApiResponsesObject {
  return {
    [status]: {
      description,
      headers: z.object({ "x-request-id": requestIdHeader }),
      content: {
        "application/json": { schema, ...(example !== undefined ? { example } : {}) },
      },
    },
  };
}

const PublicIdPath = z.object({
  public_id: z.string().meta({ description: "The resource's ULID.", example: EXAMPLE_ULID }),
});

function operation(
  operationId: string,
  tag: string,
  summary: string,
  responses: ZodOpenApiResponsesObject,
  rest: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  return { operationId, tags: [tag], summary, responses, ...rest };
}

const jsonBody = (schema: z.ZodType, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example !== undefined ? { example } : {}) } },
});

const DISPATCH_EXAMPLE = {
  garment_category_public_id: EXAMPLE_ULID,
  color: "navy",
  material: "cotton",
  pattern: "solid",
  fit: "slim",
  length: "hip",
  resolution: "1K",
  aspect_ratio: "4:5",
  seed: 7,
};

const JOB_DETAIL_EXAMPLE = {
  public_id: EXAMPLE_ULID,
  job_type: "COMPLEMENTARY_GARMENT_GENERATOR",
  status: "SUCCESS",
  created_at: "2026-12-01T12:00:00.000Z",
  request: DISPATCH_EXAMPLE,
  result: [
    {
      image_url: `/v1/artifacts/${EXAMPLE_ULID}/image?expires=1764590400&signature=…`,
      kind: "catalog_image",
      role: "final",
      label: "Camel wool overshirt",
      meta: { width: 820, height: 1024, seed: 7, model: "builtin-flatlay" },
    },
  ],
  latest_event: null,
};

const paths: ZodOpenApiPathsObject = {
  "/v1/complementary-garment-generator": {
    post: operation(
      "createComplementaryGarment",
      "Generation",
      "Dispatch one complementary-garment generation",
      {
        "202": {
          description:
            "Accepted: the job runs asynchronously. Poll `GET /v1/jobs/{public_id}` or its events, or receive a webhook.",
          headers: z.object({
            location: z.string().meta({ description: "`/v1/jobs/{job_id}`" }),
            "x-request-id": requestIdHeader,
          }),
          content: {
            "application/json": {
              schema: WorkflowAcceptedResponse,
              example: {
                request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C1",
                job_id: EXAMPLE_ULID,
                status: "NOT_STARTED",
                credits_cost: 5,
              },
            },
          },
        },
        ...errors(
          ...AUTH_ERRORS,
          "INSUFFICIENT_BALANCE",
          "CONFLICT",
          "PAYLOAD_TOO_LARGE",
          "VALIDATION_ERROR",
          "SERVICE_UNAVAILABLE",
        ),
      },
      {
        description:
          "Validates the spec, debits the operation's price (see `GET /v1/operations`) and hands the job to the workflow engine. Every failure path refunds exactly once.",
        requestParams: {
          header: z.object({
            "idempotency-key": z.string().max(200).optional().meta({
              description:
                "The same key and body within 24 h replays the original 202 without charging; another body is 409.",
            }),
          }),
        },
        requestBody: jsonBody(ComplementaryGarmentGeneratorRequest, DISPATCH_EXAMPLE),
        // The one operation a Shopify app may sign (see the shopifyHmac scheme).
        security: [{ bearerAuth: [] }, { shopifyHmac: [] }],
      },
    ),
  },
  "/v1/jobs": {
    get: operation(
      "listJobs",
      "Jobs",
      "List the caller's jobs, newest first",
      { ...ok("A page of jobs.", JobListResponse), ...errors(...AUTH_ERRORS, "VALIDATION_ERROR") },
      { requestParams: { query: JobListQuery } },
    ),
  },
  "/v1/jobs/{public_id}": {
    get: operation(
      "getJob",
      "Jobs",
      "Read one job with its result",
      {
        ...ok("The job.", JobDetailResponse, JOB_DETAIL_EXAMPLE),
        ...errors(...AUTH_ERRORS, "JOB_NOT_FOUND"),
      },
      { requestParams: { path: PublicIdPath } },
    ),
  },
  "/v1/jobs/{public_id}/events": {
    get: operation(
      "listJobEvents",
      "Jobs",
      "Read a job's public timeline",
      {
        ...ok("Events in ascending `seq`, after `since`.", JobEventsResponse),
        ...errors(...AUTH_ERRORS, "JOB_NOT_FOUND", "VALIDATION_ERROR"),
      },
      { requestParams: { path: PublicIdPath, query: JobEventsQuery } },
    ),
  },
  "/v1/jobs/{public_id}/cancel": {
    post: operation(
      "cancelJob",
      "Jobs",
      "Cancel a job that has not finished, refunding it",
      {
        ...ok("The cancelled job (status FAILURE).", JobDetailResponse),
        ...errors(...AUTH_ERRORS, "JOB_NOT_FOUND", "CONFLICT"),
      },
      { requestParams: { path: PublicIdPath } },
    ),
  },
  "/v1/artifacts/{public_id}/image": {
    get: operation(
      "getArtifactImage",
      "Jobs",
      "Download an artifact image (the signed `image_url`)",
      {
        "200": {
          description: "The image.",
          content: { "image/png": { schema: z.string().meta({ format: "binary" }) } },
        },
        ...errors("UNAUTHENTICATED", "RESOURCE_NOT_FOUND", "RATE_LIMITED"),
      },
      {
        description:
          "Works without a key while the signature is valid; past it, the owner's Bearer key works.",
        requestParams: {
          path: PublicIdPath,
          query: z.object({
            expires: z.string().optional().meta({ description: "Unix seconds." }),
            signature: z.string().optional(),
          }),
        },
        security: [{}, { bearerAuth: [] }],
      },
    ),
  },
  "/v1/credits": {
    get: operation("getCredits", "Account", "Read the credit balance", {
      ...ok("The balance in the key's mode.", CreditsResponse, {
        balance: 995,
        currency: "credits",
      }),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/operations": {
    get: operation("listOperations", "Account", "List the priced operations", {
      ...ok("Operations with their prices.", OperationListResponse),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/usage": {
    get: operation(
      "listUsage",
      "Account",
      "List the caller's requests (request log), newest first",
      {
        ...ok("A page of request-log rows.", UsageResponse),
        ...errors(...AUTH_ERRORS, "VALIDATION_ERROR"),
      },
      { requestParams: { query: UsageQuery } },
    ),
  },
  "/v1/webhooks/endpoints": {
    post: operation(
      "createWebhookEndpoint",
      "Webhooks",
      "Register a webhook endpoint",
      {
        "201": {
          description: "Registered; the signing secret is shown this once.",
          headers: z.object({
            location: z.string(),
            "x-request-id": requestIdHeader,
          }),
          content: { "application/json": { schema: WebhookEndpointCreatedResponse } },
        },
        ...errors(...AUTH_ERRORS, "PAYLOAD_TOO_LARGE", "VALIDATION_ERROR"),
      },
      {
        description:
          "On each job's `succeeded` / `failed`, the job detail is POSTed here (see the `jobFinished` webhook), signed per Standard Webhooks. Private and loopback addresses are refused in production.",
        requestBody: jsonBody(WebhookEndpointCreateRequest, {
          url: "https://example.com/hooks/garment-studio",
          description: "orders service",
        }),
      },
    ),
    get: operation("listWebhookEndpoints", "Webhooks", "List webhook endpoints", {
      ...ok("The caller's endpoints (without secrets).", WebhookEndpointListResponse),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/webhooks/endpoints/{public_id}": {
    delete: operation(
      "deleteWebhookEndpoint",
      "Webhooks",
      "Delete a webhook endpoint",
      {
        ...ok("The deleted endpoint; pending deliveries stop.", WebhookEndpointResponse),
        ...errors(...AUTH_ERRORS, "RESOURCE_NOT_FOUND"),
      },
      { requestParams: { path: PublicIdPath } },
    ),
  },
  "/v1/webhooks/endpoints/{public_id}/deliveries": {
    get: operation(
      "listWebhookDeliveries",
      "Webhooks",
      "An endpoint's deliveries and every attempt",
      {
        ...ok("Newest first, each with its attempts.", WebhookDeliveryListResponse),
        ...errors(...AUTH_ERRORS, "RESOURCE_NOT_FOUND", "VALIDATION_ERROR"),
      },
      { requestParams: { path: PublicIdPath, query: UsageQuery } },
    ),
  },
  "/v1/garment-categories": {
    get: operation("listGarmentCategories", "Catalog", "List garment categories", {
      ...ok("Every garment category.", GarmentCategoryListResponse),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/garment-categories/{public_id}": {
    get: operation(
      "getGarmentCategory",
      "Catalog",
      "Read one garment category",
      {
        ...ok("The category.", GarmentCategoryResponse),
        ...errors(...AUTH_ERRORS, "RESOURCE_NOT_FOUND"),
      },
      { requestParams: { path: PublicIdPath } },
    ),
  },
  "/v1/spec-vocabulary": {
    get: operation("getSpecVocabulary", "Catalog", "Suggested spec values", {
      ...ok(
        "Materials, patterns, lengths and fits the engine understands.",
        SpecVocabularyResponse,
      ),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/image-models": {
    get: operation("listImageModels", "Catalog", "List image models", {
      ...ok(
        "Every model, whether it is available here and what it supports.",
        ImageModelListResponse,
      ),
      ...errors(...AUTH_ERRORS),
    }),
  },
  "/v1/compatibility/check": {
    post: operation(
      "checkCompatibility",
      "Catalog",
      "Check catalog garments against a product category",
      {
        ...ok("One result per candidate, in request order.", CompatibilityCheckResponse),
        ...errors(...AUTH_ERRORS, "RESOURCE_NOT_FOUND", "PAYLOAD_TOO_LARGE", "VALIDATION_ERROR"),
      },
      {
        requestBody: jsonBody(CompatibilityCheckRequest, {
          product_garment_category_public_id: EXAMPLE_ULID,
          candidate_complementary_image_public_ids: ["01KDVDQ2M8N4P6R8T0V2X4Z6A8"],
        }),
      },
    ),
  },
  "/v1/catalog/complementary-garments": {
    get: operation(
      "listComplementaryGarments",
      "Catalog",
      "List the complementary-garment catalog",
      {
        "200": {
          description: "Newest first.",
          headers: z.object({
            "x-total-count": z.string().meta({ description: "Entries matching the filter." }),
            "x-request-id": requestIdHeader,
          }),
          content: { "application/json": { schema: CatalogEntryListResponse } },
        },
        ...errors(...AUTH_ERRORS, "VALIDATION_ERROR"),
      },
      { requestParams: { query: CatalogListQuery } },
    ),
  },
  "/v1/catalog/complementary-garments/{public_id}": {
    get: operation(
      "getComplementaryGarment",
      "Catalog",
      "Read one catalog entry",
      {
        ...ok("The entry.", CatalogEntryResponse),
        ...errors(...AUTH_ERRORS, "RESOURCE_NOT_FOUND"),
      },
      { requestParams: { path: PublicIdPath } },
    ),
  },
  "/v1/openapi.json": {
    get: operation(
      "getOpenApiDocument",
      "Meta",
      "This document",
      {
        "200": {
          description: "OpenAPI 3.1.",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
      },
      { security: [] },
    ),
  },
};

const WEBHOOK_HEADERS = z.object({
  "webhook-id": z.string().meta({ description: "The delivery's id; the same on every retry." }),
  "webhook-timestamp": z
    .string()
    .meta({ description: "Unix seconds when this attempt was signed." }),
  "webhook-signature": z.string().meta({
    description:
      "`v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>` — verify with any Standard Webhooks library.",
  }),
});

const spec: ZodOpenApiObject = {
  openapi: "3.1.0",
  info: {
    title: "Garment Studio API",
    version: API_VERSION,
    description:
      "Complementary-garment generation for fashion catalogs. JSON in and out, snake_case, ULID ids. Every non-2xx answer carries `{error: {code, message, request_id}}`; 422s add FastAPI's `detail`. Every response has `X-Request-Id`.",
  },
  tags: [
    { name: "Generation" },
    { name: "Jobs" },
    { name: "Catalog" },
    { name: "Account" },
    { name: "Webhooks" },
    { name: "Meta" },
  ],
  security: [{ bearerAuth: [] }],
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description:
          "`Authorization: Bearer sk_live_…` or `sk_test_…`; the prefix selects live or test data.",
      },
      shopifyHmac: {
        type: "apiKey",
        in: "header",
        name: "X-Shopify-Hmac-Sha256",
        description:
          "Dispatch only. base64(HMAC-SHA256(the shop's registered app secret, `${X-Shopify-Triggered-At}.${X-Shopify-Webhook-Id}.${raw body}`)), sent with `X-Shopify-Shop-Domain` (required), `X-Shopify-Webhook-Id` (accepted once) and `X-Shopify-Triggered-At` (ISO 8601, within 5 minutes of the server's clock). A replayed webhook id is 409; anything else wrong is 401.",
      },
    },
  },
  paths,
  webhooks: {
    jobFinished: {
      post: {
        operationId: "jobFinished",
        summary: "A job reached `succeeded` or `failed`",
        description:
          "POSTed to every enabled endpoint of the job's client, once per job; non-2xx answers and timeouts are retried with backoff.",
        requestParams: { header: WEBHOOK_HEADERS },
        requestBody: jsonBody(WebhookPayload),
        responses: { "200": { description: "Any 2xx acknowledges the delivery." } },
      },
    },
  },
};

let cached: ReturnType<typeof createDocument> | undefined;

/** The document (built once per process; it depends on nothing but the schemas). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument(spec);
  return cached;
}
