import { testDatabaseKinds } from "@garment/db";
import {
  ErrorEnvelope,
  VariantGroupResponse,
  VariantsAcceptedResponse,
  type ComplementaryGarmentGeneratorInput,
} from "@garment/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { getBalance } from "../credits/balance";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5", eval_enabled: false } as const;
const COST = 5;

// Variants go through the real dispatch statement and the real workflow, on both databases:
// what is charged, queued, refunded and refused is what the credit rules promise.
describe.each(testDatabaseKinds())("job variants on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      // Succeeds until a test tells it to fail (not retriable: fail and refund at once).
      models: (builtin) => [new ScriptedModel("flaky", builtin, 0, false)],
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function finishedJob(
    key: string,
    overrides: Partial<ComplementaryGarmentGeneratorInput> = {},
  ) {
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key,
      body: validSpec({ ...SMALL, ...overrides }),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    return accepted.body.job_id as string;
  }

  const askVariants = (
    key: string,
    jobId: string,
    count: unknown,
    headers?: Record<string, string>,
  ) =>
    callApi(runtime, "POST", `/v1/jobs/${jobId}/variants`, {
      key,
      body: { count },
      ...(headers ? { headers } : {}),
    });

  it("charges N × the price in one set of jobs with new seeds, all pointing to the root", async () => {
    const client = await createTestClient(runtime, 40);
    const root = await finishedJob(client.api_key);
    const res = await askVariants(client.api_key, root, 2);
    expect(res.status).toBe(202);
    const body = VariantsAcceptedResponse.parse(res.body);
    expect(body.root_job_id).toBe(root);
    expect(body.credits_cost).toBe(2 * COST);
    expect(body.jobs).toHaveLength(2);
    expect(res.headers.get("x-request-id")).toBe(body.jobs[0]?.request_id);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(40 - COST - 2 * COST);

    const ids = body.jobs.map((j) => j.job_id ?? "");
    const jobs = await runtime.db.job.findMany({ where: { id: { in: ids } } });
    expect(jobs.map((j) => j.variantOf)).toEqual([root, root]);
    const debits = await runtime.db.creditLedgerEntry.findMany({
      where: { jobId: { in: ids }, kind: "debit" },
    });
    expect(debits.map((d) => d.amount)).toEqual([-COST, -COST]);
    expect(new Set(debits.map((d) => d.requestId)).size).toBe(2);

    await settle(runtime);
    const group = await callApi(runtime, "GET", `/v1/jobs/${ids[1]}/variants`, {
      key: client.api_key,
    });
    expect(group.status).toBe(200);
    const variants = VariantGroupResponse.parse(group.body).variants;
    // The root first; the variants of one request share their creation time.
    expect(variants[0]?.job_id).toBe(root);
    expect(
      variants
        .slice(1)
        .map((v) => v.job_id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(variants.map((v) => v.is_root)).toEqual([true, false, false]);
    expect(variants.every((v) => v.status === "SUCCESS" && v.image_url !== null)).toBe(true);
    expect(variants.every((v) => v.catalog_status === "active")).toBe(true);
    expect(new Set(variants.map((v) => v.seed)).size).toBe(3);

    // A variant of a variant joins the root's group.
    const again = await askVariants(client.api_key, ids[0] ?? "", 1);
    expect(again.status).toBe(202);
    expect(VariantsAcceptedResponse.parse(again.body).root_job_id).toBe(root);
    await settle(runtime);
  });

  it("refunds each variant that fails, exactly once", async () => {
    const client = await createTestClient(runtime, 20);
    const root = await finishedJob(client.api_key, { image_model: "flaky" });
    runtime.models.get("flaky")?.failNext(-1);
    try {
      const res = await askVariants(client.api_key, root, 2);
      expect(res.status).toBe(202);
      await settle(runtime);
    } finally {
      runtime.models.get("flaky")?.failNext(0);
    }
    const variants = await runtime.db.job.findMany({ where: { variantOf: root } });
    expect(variants.map((v) => v.status)).toEqual(["FAILURE", "FAILURE"]);
    const refunds = await runtime.db.creditLedgerEntry.findMany({
      where: { jobId: { in: variants.map((v) => v.id) }, kind: "refund" },
    });
    expect(refunds.map((r) => r.amount)).toEqual([COST, COST]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(20 - COST);
  });

  it("refuses the whole set with 402 when the balance covers only part of it", async () => {
    const client = await createTestClient(runtime, COST + 2 * COST - 1);
    const root = await finishedJob(client.api_key);
    const res = await askVariants(client.api_key, root, 2);
    expect(res.status).toBe(402);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe("INSUFFICIENT_BALANCE");
    expect(res.headers.get("x-credits-shortfall")).toBe("1");
    expect(await runtime.db.job.count({ where: { variantOf: root } })).toBe(0);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(2 * COST - 1);
  });

  it("refuses the whole set with 429 when it would pass the client's queue cap", async () => {
    const client = await createTestClient(runtime, 40);
    const root = await finishedJob(client.api_key);
    const previousCap = runtime.settings.maxQueuedJobsPerClient;
    runtime.settings.maxQueuedJobsPerClient = 2;
    try {
      const res = await askVariants(client.api_key, root, 3);
      expect(res.status).toBe(429);
      expect(ErrorEnvelope.parse(res.body).error.code).toBe("RATE_LIMITED");
      expect(res.headers.get("retry-after")).toBe("10");
      expect(await runtime.db.job.count({ where: { variantOf: root } })).toBe(0);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(40 - COST);
      expect((await askVariants(client.api_key, root, 2)).status).toBe(202);
    } finally {
      runtime.settings.maxQueuedJobsPerClient = previousCap;
    }
    await settle(runtime);
  });

  it("answers 404 for another client's job and 409 for a job that did not succeed", async () => {
    const owner = await createTestClient(runtime, 20);
    const other = await createTestClient(runtime, 20, "Other Boutique");
    const root = await finishedJob(owner.api_key);
    const foreign = await askVariants(other.api_key, root, 1);
    expect(foreign.status).toBe(404);
    expect(ErrorEnvelope.parse(foreign.body).error.code).toBe("JOB_NOT_FOUND");

    runtime.models.get("flaky")?.failNext(-1);
    let failed: string;
    try {
      failed = await finishedJob(owner.api_key, { image_model: "flaky" });
    } finally {
      runtime.models.get("flaky")?.failNext(0);
    }
    const refused = await askVariants(owner.api_key, failed, 1);
    expect(refused.status).toBe(409);
    expect(ErrorEnvelope.parse(refused.body).error.code).toBe("CONFLICT");
    expect(await getBalance(runtime.db, other.client_id, "live")).toBe(20);
    expect(await getBalance(runtime.db, owner.client_id, "live")).toBe(20 - COST);
  });

  it("answers 422 naming the field for a count outside 1..8, charging nothing", async () => {
    const client = await createTestClient(runtime, 20);
    const root = await finishedJob(client.api_key);
    for (const count of [0, 9, "two"]) {
      const res = await askVariants(client.api_key, root, count);
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc).toEqual(["body", "count"]);
    }
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(20 - COST);
  });

  it("replays the same Idempotency-Key without charging again, and refuses another body", async () => {
    const client = await createTestClient(runtime, 40);
    const root = await finishedJob(client.api_key);
    const key = { "idempotency-key": "variants-1" };
    const first = await askVariants(client.api_key, root, 2, key);
    const second = await askVariants(client.api_key, root, 2, key);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const ids = (body: unknown) => VariantsAcceptedResponse.parse(body).jobs.map((j) => j.job_id);
    expect(ids(second.body)).toEqual(ids(first.body));
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(40 - COST - 2 * COST);

    const other = await askVariants(client.api_key, root, 3, key);
    expect(other.status).toBe(409);
    expect(await runtime.db.job.count({ where: { variantOf: root } })).toBe(2);
    await settle(runtime);
  });
});
