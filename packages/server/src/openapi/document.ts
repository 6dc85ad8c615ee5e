import {
  ERROR_STATUS,
  ErrorEnvelope,
  HTTPValidationError,
  WebhookPayload,
  BatchFinishedWebhookPayload,
  type ErrorCode,
} from "@garment/schemas";
import { z } from "zod";
import type { AnyOperation } from "../operations/define";
import { EXAMPLE_ULID } from "../operations/examples";
import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";

// The OpenAPI 3.1 document of /v1, derived from the operations' definitions (operations/) and
// the few routes documented by hand (rest/routes/). Never edited by hand.

export const API_VERSION = "1.0.0";

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
  SERVICE_UNAVAILABLE: "The service is briefly unavailable; nothing was charged. Retry shortly.",
};

const requestIdHeader = z.string().meta({ description: "The request's ULID (request_logs id)." });

function errorExample(code: ErrorCode) {
  return {
    error: { code, message: ERROR_DESCRIPTIONS[code], request_id: EXAMPLE_ULID },
  };
}

/** The documented error answers of an operation, keyed by status. */
export function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
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

export const PublicIdPath = z.object({
  public_id: z.string().meta({ description: "The resource's ULID.", example: EXAMPLE_ULID }),
});

const jsonBody = (schema: z.ZodType, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example !== undefined ? { example } : {}) } },
});

/** A documented /v1 route: an operation's REST binding, or a route documented by hand. */
export type DocumentedRoute =
  | { method: string; path: string; operation: AnyOperation }
  | { method: string; path: string; document: ZodOpenApiOperationObject };

/** The OpenAPI operation of an operation: everything from its definition and REST binding. */
function describeOperation(operation: AnyOperation): ZodOpenApiOperationObject {
  const doc = operation.openapi;
  const binding = operation.rest;
  if (!doc || !binding) throw new Error("An operation served over REST must be documented.");
  const status = String(binding.status ?? 200) as `2${string}`;
  const schema = doc.response ?? operation.output;
  const inPath = [...binding.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const input = operation.input as z.ZodObject | undefined;
  const requestParams: NonNullable<ZodOpenApiOperationObject["requestParams"]> = {};
  if (inPath.length > 0) requestParams.path = PublicIdPath;
  if (binding.input === "query" && input) {
    // The query parameters are the input's fields that the path does not carry.
    requestParams.query = z.object(
      Object.fromEntries(Object.entries(input.shape).filter(([name]) => !inPath.includes(name))),
    );
  }
  if (doc.requestHeaders) requestParams.header = doc.requestHeaders;
  // The body is the input's fields that the path does not carry (variants: `{count}`, the job
  // in the path); an input with no path field is documented as itself, under its own name.
  const body =
    input && inPath.some((name) => name in input.shape)
      ? z.object(
          Object.fromEntries(
            Object.entries(input.shape).filter(([name]) => !inPath.includes(name)),
          ),
        )
      : input;
  return {
    operationId: doc.operationId,
    tags: [doc.tag],
    summary: doc.summary,
    responses: {
      [status]: {
        description: doc.returns,
        headers: z.object({ ...doc.responseHeaders?.shape, "x-request-id": requestIdHeader }),
        content: {
          "application/json": {
            schema,
            ...(doc.responseExample !== undefined ? { example: doc.responseExample } : {}),
          },
        },
      },
      ...errors(...AUTH_ERRORS, ...doc.errors),
    },
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.extension ? { "x-garment-extension": true } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(binding.input === "body" && body
      ? { requestBody: jsonBody(body, doc.requestExample) }
      : {}),
    // The one kind of operation a Shopify app may sign (see the shopifyHmac scheme).
    ...(binding.acceptsShopifySignature
      ? { security: [{ bearerAuth: [] }, { shopifyHmac: [] }] }
      : {}),
  };
}

function pathsOf(routes: readonly DocumentedRoute[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase() as "get" | "post" | "delete";
    item[method] = "operation" in route ? describeOperation(route.operation) : route.document;
  }
  return paths;
}

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

function specOf(routes: readonly DocumentedRoute[]): ZodOpenApiObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Garment Studio API",
      version: API_VERSION,
      description:
        "Complementary-garment generation for fashion catalogs. JSON in and out, snake_case, ULID ids. Every non-2xx answer carries `{error: {code, message, request_id}}`; 422s add FastAPI's `detail`. Every response has `X-Request-Id`.",
    },
    // One group per tag. The outgoing webhooks carry the "Webhooks" tag too: viewers (Scalar)
    // otherwise add a second, untagged "Webhooks" group beside the endpoint operations.
    tags: [
      { name: "Generation", description: "Start a complementary-garment job." },
      { name: "Jobs", description: "Follow, list and cancel jobs." },
      { name: "Catalog", description: "The finished garments and their compatibility." },
      { name: "Account", description: "Credits, usage and the operations offered." },
      {
        name: "Webhooks",
        description: "Endpoints that receive job events, their deliveries, and the events sent.",
      },
      { name: "Meta", description: "This OpenAPI document." },
      {
        name: "Extensions",
        description:
          "Ours, not routes of the original API (each is marked `x-garment-extension: true`): batches of generations.",
      },
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
    paths: pathsOf(routes),
    webhooks: {
      jobFinished: {
        post: {
          operationId: "jobFinished",
          tags: ["Webhooks"],
          summary: "A job reached `succeeded` or `failed`",
          description:
            "POSTed to every enabled endpoint of the job's client, once per job; non-2xx answers and timeouts are retried with backoff.",
          requestParams: { header: WEBHOOK_HEADERS },
          requestBody: jsonBody(WebhookPayload),
          responses: { "200": { description: "Any 2xx acknowledges the delivery." } },
        },
      },
      batchFinished: {
        post: {
          operationId: "batchFinished",
          tags: ["Webhooks"],
          summary: "Every job of a batch reached `succeeded` or `failed` (our extension)",
          description:
            "Our extension, not an event of the original API. POSTed to every enabled endpoint of the batch's client once per batch, after the `job.*` event of its last job, when the last job became terminal (success, failure, cancel, timeout). `data` is the batch's summary: `GET /v1/batches/{public_id}` without its jobs. Signed and retried like the job events.",
          requestParams: { header: WEBHOOK_HEADERS },
          requestBody: jsonBody(BatchFinishedWebhookPayload),
          responses: { "200": { description: "Any 2xx acknowledges the delivery." } },
          "x-garment-extension": true,
        },
      },
    },
  };
}

/** The document of the given routes (the REST router derives it from its route table). */
export function buildOpenApiDocument(
  routes: readonly DocumentedRoute[],
): ReturnType<typeof createDocument> {
  return createDocument(specOf(routes));
}
