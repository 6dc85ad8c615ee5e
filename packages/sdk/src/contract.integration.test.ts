// The REST contract over real HTTP, through the SDK generated from the OpenAPI document: every
// endpoint and every documented status code. The server is the same handleV1Request the
// Next.js route mounts, on a random port, with the embedded workflow runner.
import { testDatabaseKinds } from "@garment/db";
import {
  BatchListResponse,
  BatchResponse,
  CatalogEntryResponse,
  CompatibilityCheckResponse,
  CreditsResponse,
  GarmentCategoryListResponse,
  HTTPValidationError,
  ImageModelListResponse,
  JobDetailResponse,
  JobEventsResponse,
  JobListResponse,
  OperationListResponse,
  SpecVocabularyResponse,
  UsageResponse,
  WebhookDeliveryListResponse,
  WebhookEndpointCreatedResponse,
  WebhookEndpointListResponse,
  WorkflowAcceptedResponse,
} from "@garment/schemas";
import { createApiKey, createClient } from "@garment/server";
import { readFileSync } from "node:fs";
import type { Middleware } from "openapi-fetch";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWorkflowTestRuntime,
  type WorkflowTestRuntime,
} from "../../server/test/workflow-harness";
import { WebhookReceiver } from "../../server/test/webhook-receiver";
import { createGarmentClient, waitForJob, type GarmentApi, type JobEvent } from "./index";
import { serveV1 } from "./test/serve-v1";

const CATEGORY = "01KDVDNA00ZKRRMS30Q0DXB47N";
const SPEC = {
  garment_category_public_id: CATEGORY,
  color: "navy",
  material: "cotton",
  pattern: "solid",
  fit: "slim" as const,
  length: "hip",
  resolution: "0.5K" as const,
  aspect_ratio: "1:1" as const,
  eval_enabled: false,
  seed: 7,
};

describe.each(testDatabaseKinds())("REST contract through the SDK on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  let server: Awaited<ReturnType<typeof serveV1>>;
  let api: GarmentApi;
  let anonymous: GarmentApi;
  let account: { client_id: string; api_key: string; test_api_key: string };
  const hooks = new WebhookReceiver([500]);
  let hookUrl: string;
  // Every (operation, status) the server answered through the SDK, checked against the document.
  const answered = new Map<string, Set<number>>();
  const recorder: Middleware = {
    onResponse({ request, schemaPath, response }) {
      const key = `${request.method} ${schemaPath}`;
      answered.set(key, (answered.get(key) ?? new Set()).add(response.status));
    },
  };
  const sdk = (apiKey?: string) => {
    const client = createGarmentClient({ baseUrl: server.baseUrl, ...(apiKey ? { apiKey } : {}) });
    client.use(recorder);
    return client;
  };

  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      settings: { webhooks: { allowPrivateUrls: true, maxAttempts: 4 } },
    });
    server = await serveV1(runtime);
    account = await createClient(runtime.db, { name: "Contract Boutique", credits: 100 });
    api = sdk(account.api_key);
    anonymous = sdk();
    hookUrl = await hooks.start();
  });
  afterAll(async () => {
    await server?.close();
    await hooks.stop();
    await runtime?.close();
  });

  it("dispatches (202 + Location), waits for the job with backoff, and reads it every way", async () => {
    const endpoint = await api.POST("/v1/webhooks/endpoints", { body: { url: hookUrl } });
    expect(endpoint.response.status).toBe(201);
    const { secret } = WebhookEndpointCreatedResponse.parse(endpoint.data);

    const accepted = await api.POST("/v1/complementary-garment-generator", { body: SPEC });
    expect(accepted.response.status).toBe(202);
    const body = WorkflowAcceptedResponse.parse(accepted.data);
    expect(body).toMatchObject({ status: "NOT_STARTED", credits_cost: 5 });
    expect(accepted.response.headers.get("location")).toBe(`/v1/jobs/${body.job_id}`);
    expect(accepted.response.headers.get("x-request-id")).toBe(body.request_id);

    const seen: JobEvent[] = [];
    const job = await waitForJob(api, body.job_id!, {
      initialDelayMs: 20,
      maxDelayMs: 200,
      timeoutMs: 60_000,
      onEvent: (event) => seen.push(event),
    });
    expect(JobDetailResponse.parse(job).status).toBe("SUCCESS");
    expect(seen.map((e) => e.event_type)).toEqual(expect.arrayContaining(["queued", "succeeded"]));
    expect(new Set(seen.map((e) => e.seq)).size).toBe(seen.length); // `since` is exclusive

    const imageUrl = new URL(job.result[0]!.image_url, server.baseUrl);
    const image = await anonymous.GET("/v1/artifacts/{public_id}/image", {
      params: {
        path: { public_id: imageUrl.pathname.split("/")[3]! },
        query: {
          expires: imageUrl.searchParams.get("expires") ?? "",
          signature: imageUrl.searchParams.get("signature") ?? "",
        },
      },
      parseAs: "blob",
    });
    expect(image.response.status).toBe(200);
    expect(image.response.headers.get("content-type")).toMatch(/^image\//);

    const events = await api.GET("/v1/jobs/{public_id}/events", {
      params: { path: { public_id: job.public_id }, query: { since: seen[0]!.seq } },
    });
    expect(JobEventsResponse.parse(events.data).events[0]!.seq).toBeGreaterThan(seen[0]!.seq);
    const list = await api.GET("/v1/jobs", { params: { query: { limit: 5 } } });
    expect(JobListResponse.parse(list.data).jobs[0]!.public_id).toBe(job.public_id);
    const cancel = await api.POST("/v1/jobs/{public_id}/cancel", {
      params: { path: { public_id: job.public_id } },
    });
    expect(cancel.response.status).toBe(409);
    expect(cancel.error?.error.code).toBe("CONFLICT");

    // The catalog entry the job became, and a compatibility check against it.
    const catalog = await api.GET("/v1/catalog/complementary-garments", {
      params: { query: { limit: 10 } },
    });
    expect(catalog.response.status).toBe(200);
    expect(catalog.response.headers.get("x-total-count")).toBe("1");
    const entry = CatalogEntryResponse.parse(catalog.data?.[0]);
    expect(entry.generation_job_public_id).toBe(job.public_id);
    const one = await api.GET("/v1/catalog/complementary-garments/{public_id}", {
      params: { path: { public_id: entry.public_id } },
    });
    expect(one.data?.public_id).toBe(entry.public_id);
    const check = await api.POST("/v1/compatibility/check", {
      body: {
        product_garment_category_public_id: CATEGORY,
        candidate_complementary_image_public_ids: [entry.public_id, "01KDVDQ2M8N4P6R8T0V2X4Z6A8"],
      },
    });
    const results = CompatibilityCheckResponse.parse(check.data).results;
    expect(results.map((r) => r.public_id)).toEqual([
      entry.public_id,
      "01KDVDQ2M8N4P6R8T0V2X4Z6A8",
    ]);
    expect(results[1]!.reason).toBe("catalog_ref_missing");

    // The webhook: refused once with 500, then delivered, signed, exactly once.
    await runtime.workflows?.runner?.waitForIdle({ timeoutMs: 30_000 });
    expect(hooks.received.map((h) => h.status)).toEqual([500, 204]);
    const delivered = hooks.received[1]!;
    const payload = new Webhook(secret).verify(delivered.body, {
      "webhook-id": String(delivered.headers["webhook-id"]),
      "webhook-timestamp": String(delivered.headers["webhook-timestamp"]),
      "webhook-signature": String(delivered.headers["webhook-signature"]),
    });
    expect(payload).toMatchObject({ type: "job.succeeded", data: { public_id: job.public_id } });
    const log = await api.GET("/v1/webhooks/endpoints/{public_id}/deliveries", {
      params: { path: { public_id: endpoint.data!.public_id }, query: { limit: 10 } },
    });
    const [delivery] = WebhookDeliveryListResponse.parse(log.data).deliveries;
    expect(delivery).toMatchObject({
      public_id: delivered.headers["webhook-id"],
      job_public_id: job.public_id,
      status: "succeeded",
    });
    expect(delivery!.attempts.map((a) => a.status_code)).toEqual([500, 204]);
  });

  it("serves the account and reference reads", async () => {
    const credits = await api.GET("/v1/credits");
    expect(CreditsResponse.parse(credits.data).currency).toBe("credits");
    const operations = await api.GET("/v1/operations");
    expect(OperationListResponse.parse(operations.data).operations[0]).toMatchObject({
      name: "complementary-garment-generator",
      credits_cost: 5,
    });
    const usage = await api.GET("/v1/usage", { params: { query: { limit: 3 } } });
    expect(UsageResponse.parse(usage.data).usage[0]!.path).toBe("/v1/operations");
    const categories = await api.GET("/v1/garment-categories");
    const first = GarmentCategoryListResponse.parse(categories.data).garment_categories[0]!;
    const category = await api.GET("/v1/garment-categories/{public_id}", {
      params: { path: { public_id: first.public_id } },
    });
    expect(category.data?.slug).toBe(first.slug);
    SpecVocabularyResponse.parse((await api.GET("/v1/spec-vocabulary")).data);
    const models = ImageModelListResponse.parse((await api.GET("/v1/image-models")).data);
    expect(models.image_models.find((m) => m.default)?.available).toBe(true);
    const endpoints = await api.GET("/v1/webhooks/endpoints");
    const [endpoint] = WebhookEndpointListResponse.parse(endpoints.data).endpoints;
    const deleted = await api.DELETE("/v1/webhooks/endpoints/{public_id}", {
      params: { path: { public_id: endpoint!.public_id } },
    });
    expect(deleted.response.status).toBe(200);
    const document = await anonymous.GET("/v1/openapi.json");
    expect(document.data).toMatchObject({ openapi: "3.1.0" });
  });

  it("answers every documented error status with the envelope", async () => {
    const expectEnvelope = (
      result: { response: Response; error?: unknown },
      status: number,
      code: string,
    ) => {
      expect(result.response.status).toBe(status);
      expect(result.error).toMatchObject({
        error: { code, request_id: result.response.headers.get("x-request-id") },
      });
    };
    expectEnvelope(await anonymous.GET("/v1/credits"), 401, "UNAUTHENTICATED");

    const readOnly = await createApiKey(runtime.db, {
      clientId: account.client_id,
      capabilities: ["jobs:read"],
    });
    const reader = sdk(readOnly.api_key);
    expectEnvelope(
      await reader.POST("/v1/complementary-garment-generator", { body: SPEC }),
      403,
      "FORBIDDEN",
    );

    expectEnvelope(
      await api.GET("/v1/jobs/{public_id}", { params: { path: { public_id: CATEGORY } } }),
      404,
      "JOB_NOT_FOUND",
    );
    expectEnvelope(
      await api.GET("/v1/garment-categories/{public_id}", {
        params: { path: { public_id: "01KDVDQ2M8N4P6R8T0V2X4Z6A8" } },
      }),
      404,
      "RESOURCE_NOT_FOUND",
    );

    const broke = await createClient(runtime.db, { name: "Broke", credits: 0 });
    const brokeApi = sdk(broke.api_key);
    expectEnvelope(
      await brokeApi.POST("/v1/complementary-garment-generator", { body: SPEC }),
      402,
      "INSUFFICIENT_BALANCE",
    );

    const key = { "idempotency-key": "contract-409" };
    const first = await api.POST("/v1/complementary-garment-generator", {
      body: SPEC,
      params: { header: key },
    });
    expect(first.response.status).toBe(202);
    expectEnvelope(
      await api.POST("/v1/complementary-garment-generator", {
        body: { ...SPEC, color: "camel" },
        params: { header: key },
      }),
      409,
      "CONFLICT",
    );

    expectEnvelope(
      await api.POST("/v1/complementary-garment-generator", {
        body: { ...SPEC, display_name: "x".repeat(70 * 1024) },
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );

    const invalid = await api.POST("/v1/complementary-garment-generator", {
      body: { ...SPEC, color: undefined } as unknown as typeof SPEC,
    });
    expectEnvelope(invalid, 422, "VALIDATION_ERROR");
    expect(HTTPValidationError.parse(invalid.error).detail[0]).toMatchObject({
      loc: ["body", "color"],
      type: "missing",
    });

    runtime.settings.rateLimit = { requests: 1, windowMs: 60_000 };
    try {
      const limitedKey = await createApiKey(runtime.db, { clientId: account.client_id });
      const limited = sdk(limitedKey.api_key);
      expect((await limited.GET("/v1/credits")).response.status).toBe(200);
      const refused = await limited.GET("/v1/credits");
      expectEnvelope(refused, 429, "RATE_LIMITED");
      expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      runtime.settings.rateLimit = null;
    }
    await runtime.workflows?.runner?.waitForIdle({ timeoutMs: 30_000 });
  });

  it("accepts the seed's fetch snippet unchanged, with a real key and valid values", async () => {
    const url = `${server.baseUrl}/v1/complementary-garment-generator`;
    const options = {
      method: "POST",
      headers: { Authorization: `Bearer ${account.api_key}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        image_model: "builtin-flatlay",
        eval_enabled: true,
        resolution: "0.5K",
        aspect_ratio: "1:1",
        seed: 1,
        on_technical_failure: "retry",
        display_name: "",
        garment_category_public_id: CATEGORY,
        color: "burgundy",
        material: "wool",
        pattern: "solid",
        fit: "slim",
        length: "hip",
        metadata: {},
        pilot_brand: "nord-atelier",
      }),
    };
    const response = await fetch(url, options);
    const data = (await response.json()) as { job_id: string };
    expect(response.status).toBe(202);
    const job = await waitForJob(api, data.job_id, { initialDelayMs: 20, maxDelayMs: 200 });
    expect(["SUCCESS", "FAILURE"]).toContain(job.status);
  });

  it("dispatches a batch (our extension), replays it by its key and reads it back", async () => {
    const body = {
      idempotency_key: `contract-batch-${kind}`,
      items: [
        { ...SPEC, sku: "SKU-1" },
        { ...SPEC, sku: "SKU-2" },
      ],
    };
    const created = await api.POST("/v1/batches", { body });
    expect(created.response.status).toBe(202);
    const batch = BatchResponse.parse(created.data);
    expect(batch).toMatchObject({ item_count: 2, credits_cost: 10 });
    expect(batch.jobs.map((job) => job.sku)).toEqual(["SKU-1", "SKU-2"]);

    const replayed = await api.POST("/v1/batches", { body });
    expect(BatchResponse.parse(replayed.data).batch_id).toBe(batch.batch_id);

    const read = await api.GET("/v1/batches/{public_id}", {
      params: { path: { public_id: batch.batch_id } },
    });
    expect(read.response.status).toBe(200);
    expect(BatchResponse.parse(read.data).jobs.map((job) => job.job_id)).toEqual(
      batch.jobs.map((job) => job.job_id),
    );

    // The list (our extension) carries it first, newest first, as its summary (no jobs).
    const listed = await api.GET("/v1/batches", { params: { query: { limit: 1 } } });
    expect(listed.response.status).toBe(200);
    const [summary] = BatchListResponse.parse(listed.data).batches;
    expect(summary).toMatchObject({ batch_id: batch.batch_id, item_count: 2, credits_cost: 10 });
    expect(summary).not.toHaveProperty("jobs");

    // Its exports (our extension) answer files: the CSV names each row, the zip starts "PK".
    const path = { public_id: batch.batch_id };
    const csv = await api.GET("/v1/batches/{public_id}/export.csv", {
      params: { path },
      parseAs: "text",
    });
    expect(csv.response.status).toBe(200);
    expect(csv.data).toContain('"SKU-2"');
    const zip = await api.GET("/v1/batches/{public_id}/export.zip", {
      params: { path },
      parseAs: "arrayBuffer",
    });
    expect(zip.response.status).toBe(200);
    expect(new TextDecoder().decode((zip.data as ArrayBuffer).slice(0, 2))).toBe("PK");
    const unknown = await api.GET("/v1/batches/{public_id}/export.zip", {
      params: { path: { public_id: "01KDVDNA00ZKRRMS30Q0DXB4ZZ" } },
      parseAs: "arrayBuffer",
    });
    expect(unknown.response.status).toBe(404);
  });

  it("asks for variants (our extension), compares the group and approves one", async () => {
    const boutique = await createClient(runtime.db, { name: "Variants Boutique", credits: 15 });
    const stylist = sdk(boutique.api_key);
    const root = await stylist.POST("/v1/complementary-garment-generator", { body: SPEC });
    const rootId = root.data!.job_id!;
    expect((await waitForJob(stylist, rootId, { initialDelayMs: 20 })).status).toBe("SUCCESS");

    const refused = await stylist.POST("/v1/jobs/{public_id}/variants", {
      params: { path: { public_id: rootId } },
      body: { count: 3 },
    });
    expect(refused.response.status).toBe(402);
    expect(refused.error?.error?.code).toBe("INSUFFICIENT_BALANCE");

    const asked = await stylist.POST("/v1/jobs/{public_id}/variants", {
      params: { path: { public_id: rootId } },
      body: { count: 2 },
    });
    expect(asked.response.status).toBe(202);
    expect(asked.response.headers.get("location")).toBe(`/v1/jobs/${rootId}/variants`);
    expect(asked.data).toMatchObject({ root_job_id: rootId, credits_cost: 10 });
    for (const job of asked.data!.jobs)
      await waitForJob(stylist, job.job_id!, { initialDelayMs: 20 });

    const group = await stylist.GET("/v1/jobs/{public_id}/variants", {
      params: { path: { public_id: rootId } },
    });
    expect(group.response.status).toBe(200);
    const [first, second, third] = group.data!.variants;
    expect([first?.is_root, second?.is_root, third?.is_root]).toEqual([true, false, false]);

    const approved = await stylist.POST("/v1/catalog/complementary-garments/{public_id}/approve", {
      params: { path: { public_id: second!.catalog_entry_id! } },
    });
    expect(approved.response.status).toBe(200);
    expect(CatalogEntryResponse.parse(approved.data).status).toBe("approved");
    const catalog = await stylist.GET("/v1/catalog/complementary-garments");
    expect(catalog.data!.map((entry) => entry.public_id)).toEqual([second!.catalog_entry_id]);

    const missing = await stylist.POST("/v1/catalog/complementary-garments/{public_id}/approve", {
      params: { path: { public_id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" } },
    });
    expect(missing.response.status).toBe(404);
  });

  it("answered only statuses the OpenAPI document lists, and exercised every operation", () => {
    const document = JSON.parse(
      readFileSync(
        new URL("../../server/src/openapi/openapi.snapshot.json", import.meta.url),
        "utf8",
      ),
    ) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const documented = new Map<string, string[]>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        documented.set(`${method.toUpperCase()} ${path}`, Object.keys(op.responses));
      }
    }
    for (const [operation, statuses] of answered) {
      expect(documented.get(operation), operation).toEqual(
        expect.arrayContaining([...statuses].map(String)),
      );
    }
    expect([...answered.keys()].sort()).toEqual([...documented.keys()].sort());
  });
});
