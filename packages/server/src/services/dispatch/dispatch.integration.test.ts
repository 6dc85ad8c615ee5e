import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  handedOffEvents,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { getBalance, ledgerSum } from "../credits/balance";

// The body of the original API page's own curl example: every value "example".
const SEED_EXAMPLE_BODY = {
  image_model: "example",
  eval_enabled: true,
  resolution: "example",
  aspect_ratio: "example",
  seed: 1,
  on_technical_failure: "example",
  display_name: "",
  garment_category_public_id: "example",
  color: "example",
  material: "example",
  pattern: "example",
  fit: "slim",
  length: "example",
  metadata: {},
  pilot_brand: "example",
};

describe.each(testDatabaseKinds())("dispatch on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("answers the seed's example body with 422 naming each invalid field, charging nothing", async () => {
    const client = await createTestClient(runtime, 50);
    const res = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: SEED_EXAMPLE_BODY,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
    const fields = res.body.detail.map((d: { loc: string[] }) => d.loc.join("."));
    expect(fields).toEqual([
      "body.garment_category_public_id",
      "body.color",
      "body.image_model",
      "body.resolution",
      "body.aspect_ratio",
      "body.on_technical_failure",
      "body.pilot_brand",
    ]);
    expect(res.body.detail.find((d: { loc: string[] }) => d.loc[1] === "resolution").type).toBe(
      "literal_error",
    );
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
  });

  it("accepts a valid spec with 202, debits credits_cost and records the job, event, ledger and log", async () => {
    const client = await createTestClient(runtime, 50);
    const res = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      request_id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      job_id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      status: "NOT_STARTED",
      credits_cost: 5,
    });
    expect(res.headers.get("location")).toBe(`/v1/jobs/${res.body.job_id}`);
    expect(res.headers.get("x-request-id")).toBe(res.body.request_id);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(45);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(45);

    const job = await runtime.db.job.findUniqueOrThrow({
      where: { id: res.body.job_id },
      include: { events: true },
    });
    expect(job.status).toBe("NOT_STARTED");
    expect(job.requestId).toBe(res.body.request_id);
    expect(job.events.map((e) => e.eventType)).toEqual(["queued"]);
    expect((job.resolved as { seed: number }).seed).toBe(7);
    const log = await runtime.db.requestLog.findUniqueOrThrow({
      where: { id: res.body.request_id },
    });
    expect(log).toMatchObject({
      statusCode: 202,
      creditsMoved: -5,
      clientId: client.client_id,
      mode: "live",
    });
    expect(log.latencyMs).not.toBeNull();
    expect((await handedOffEvents(runtime)).at(-1)).toEqual({
      id: res.body.request_id,
      name: "studio/complementary-garment.requested",
      data: {
        jobId: res.body.job_id,
        requestId: res.body.request_id,
        clientId: client.client_id,
        mode: "live",
      },
    });
  });

  it("accepts exactly as many of 50 concurrent dispatches as the credits cover", async () => {
    const client = await createTestClient(runtime, 100); // 20 × 5 credits
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callApi(runtime, "POST", "/v1/complementary-garment-generator", {
          key: client.api_key,
          body: validSpec({ seed: i }),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses.filter((s) => s === 402)).toHaveLength(30);
    expect(results.find((r) => r.status === 402)?.body.error.code).toBe("INSUFFICIENT_BALANCE");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(0);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(0);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(20);
    expect(
      await runtime.db.requestLog.count({ where: { clientId: client.client_id, statusCode: 402 } }),
    ).toBe(30);
  });

  it("keeps clients and modes apart: test keys spend test credits only", async () => {
    const a = await createTestClient(runtime, 10, "A");
    const b = await createTestClient(runtime, 10, "B");
    const res = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: a.test_api_key,
      body: validSpec(),
    });
    expect(res.status).toBe(202);
    expect(await getBalance(runtime.db, a.client_id, "test")).toBe(5);
    expect(await getBalance(runtime.db, a.client_id, "live")).toBe(10);
    expect(await getBalance(runtime.db, b.client_id, "test")).toBe(10);
    const job = await runtime.db.job.findUniqueOrThrow({ where: { id: res.body.job_id } });
    expect(job.mode).toBe("test");
    expect((await callApi(runtime, "GET", "/v1/credits", { key: b.api_key })).body).toEqual({
      balance: 10,
      currency: "credits",
    });
    expect((await callApi(runtime, "GET", "/v1/credits", { key: a.test_api_key })).body).toEqual({
      balance: 5,
      currency: "credits",
    });
  });

  it("answers 401 without a valid key and 403 without the capability", async () => {
    const noKey = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      body: validSpec(),
    });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.code).toBe("UNAUTHENTICATED");
    const badKey = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: "sk_live_nope",
      body: validSpec(),
    });
    expect(badKey.status).toBe(401);
    const client = await createTestClient(runtime, 10);
    const { createApiKey } = await import("../clients/api-keys");
    const readOnly = await createApiKey(runtime.db, {
      clientId: client.client_id,
      capabilities: ["jobs:read"],
    });
    const forbidden = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: readOnly.api_key,
      body: validSpec(),
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("FORBIDDEN");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(10);
    const { revokeApiKey } = await import("../clients/api-keys");
    await revokeApiKey(runtime.db, client.api_key);
    expect((await callApi(runtime, "GET", "/v1/credits", { key: client.api_key })).status).toBe(
      401,
    );
  });

  it("replays an Idempotency-Key once charged, and refuses the same key with another body", async () => {
    const client = await createTestClient(runtime, 50);
    const send = (body: unknown) =>
      callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body,
        headers: { "idempotency-key": "order-42" },
      });
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => send(validSpec())));
    expect(concurrent.every((r) => r.status === 202)).toBe(true);
    expect(new Set(concurrent.map((r) => r.body.job_id)).size).toBe(1);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(45);
    const other = await send(validSpec({ color: "camel" }));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("CONFLICT");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(45);
  });

  it("caps a client's unfinished jobs: past it 429 with Retry-After and nothing charged", async () => {
    const client = await createTestClient(runtime, 100);
    const previousCap = runtime.settings.maxQueuedJobsPerClient;
    runtime.settings.maxQueuedJobsPerClient = 3;
    try {
      const send = () =>
        callApi(runtime, "POST", "/v1/complementary-garment-generator", {
          key: client.api_key,
          body: validSpec(),
        });
      const accepted = [await send(), await send(), await send()];
      expect(accepted.map((r) => r.status)).toEqual([202, 202, 202]);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("RATE_LIMITED");
      expect(refused.headers.get("retry-after")).toBe("10");
      expect(refused.body.error.message).toMatch(/3 unfinished jobs/);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(85);
      expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(3);
      // A finished job frees a place in the queue.
      const cancelled = await callApi(
        runtime,
        "POST",
        `/v1/jobs/${accepted[0]!.body.job_id}/cancel`,
        { key: client.api_key },
      );
      expect(cancelled.status).toBe(200);
      expect((await send()).status).toBe(202);
    } finally {
      runtime.settings.maxQueuedJobsPerClient = previousCap;
    }
  });

  it("replays an Idempotency-Key with the job's real state, not the state it was accepted in", async () => {
    const client = await createTestClient(runtime, 50);
    const send = () =>
      callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec(),
        headers: { "idempotency-key": "replay-state" },
      });
    const first = await send();
    expect(first.body.status).toBe("NOT_STARTED");
    await callApi(runtime, "POST", `/v1/jobs/${first.body.job_id}/cancel`, {
      key: client.api_key,
    });
    const replay = await send();
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toMatchObject({ job_id: first.body.job_id, status: "FAILURE" });
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
  });

  it("maps malformed JSON to 422 json_invalid and an oversized body to 413", async () => {
    const client = await createTestClient(runtime, 10);
    const malformed = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      rawBody: '{"color": ',
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0].type).toBe("json_invalid");
    const huge = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ metadata: { blob: "x".repeat(100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const bigMetadata = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ metadata: { blob: "x".repeat(20_000) } }),
    });
    expect(bigMetadata.status).toBe(422);
    expect(bigMetadata.body.detail[0].loc).toEqual(["body", "metadata"]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(10);
  });
});
