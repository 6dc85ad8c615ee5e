import { openTestDatabase, testDatabaseKinds } from "@garment/db";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import { WebhookReceiver } from "../../../test/webhook-receiver";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { failJobAndRefund } from "../credits/fail-and-refund";
import { failStuckJobs } from "../jobs/fail-stuck-jobs";
import { finishBatchOfJob } from "./finish-batch";

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1", eval_enabled: false } as const;

const items = (count: number, spec: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, row) => ({
    ...validSpec({ ...SMALL, seed: row, ...spec }),
    sku: `SKU-${row}`,
  }));

describe.each(testDatabaseKinds())("batch.finished on %s", (kind) => {
  let runtime: WorkflowTestRuntime | undefined;
  const receivers: WebhookReceiver[] = [];
  beforeAll(async () => {
    await (await openTestDatabase(kind)).close();
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  async function start(options: Parameters<typeof createWorkflowTestRuntime>[1] = {}) {
    runtime = await createWorkflowTestRuntime(kind, {
      ...options,
      settings: { webhooks: { allowPrivateUrls: true, maxAttempts: 3 } },
    });
    return runtime;
  }

  async function endpointFor(key: string) {
    const hooks = new WebhookReceiver();
    receivers.push(hooks);
    const url = await hooks.start();
    const created = await callApi(runtime!, "POST", "/v1/webhooks/endpoints", {
      key,
      body: { url },
    });
    expect(created.status).toBe(201);
    return { hooks, secret: created.body.secret as string };
  }

  const batchHooks = (hooks: WebhookReceiver) =>
    hooks.received
      .map((hook) => ({
        hook,
        payload: JSON.parse(hook.body) as { type: string; data: Record<string, unknown> },
      }))
      .filter(({ payload }) => payload.type === "batch.finished");

  it("announces a finished batch once, signed, with its counts and credits, after every job's own event", async () => {
    const rt = await start({
      models: (builtin) => [new ScriptedModel("always-down", builtin, -1)],
    });
    const client = await createTestClient(rt, 100);
    const { hooks, secret } = await endpointFor(client.api_key);
    const body = {
      items: [
        ...items(2),
        {
          ...items(1)[0]!,
          sku: "SKU-down",
          image_model: "always-down",
          on_technical_failure: "fail",
        },
      ],
    };
    const accepted = await callApi(rt, "POST", "/v1/batches", { key: client.api_key, body });
    expect(accepted.status).toBe(202);
    const batchId = accepted.body.batch_id as string;
    await settle(rt);

    const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: batchId } });
    const jobs = await rt.db.job.findMany({ where: { batchId } });
    const lastFinish = Math.max(...jobs.map((job) => job.finishedAt!.getTime()));
    // finished_at is the last job's own finish, not the moment the check ran.
    expect(batch.finishedAt?.getTime()).toBe(lastFinish);

    const announced = batchHooks(hooks);
    expect(announced).toHaveLength(1);
    const { hook, payload } = announced[0]!;
    new Webhook(secret).verify(hook.body, {
      "webhook-id": String(hook.headers["webhook-id"]),
      "webhook-timestamp": String(hook.headers["webhook-timestamp"]),
      "webhook-signature": String(hook.headers["webhook-signature"]),
    });
    expect(payload.data).toEqual({
      batch_id: batchId,
      request_id: accepted.body.request_id,
      created_at: batch.createdAt.toISOString(),
      finished_at: batch.finishedAt!.toISOString(),
      item_count: 3,
      credits_cost: 15,
      credits_refunded: 5,
      counts: { NOT_STARTED: 0, IN_PROGRESS: 0, SUCCESS: 2, FAILURE: 1 },
    });
    // Each job was announced too, and the delivery log names the batch.
    expect(hooks.received.filter((h) => h.body.includes('"job.'))).toHaveLength(3);
    const deliveries = await rt.db.webhookDelivery.findMany({ where: { batchId } });
    expect(deliveries).toMatchObject([{ eventType: "batch.finished", jobId: null }]);

    const read = await callApi(rt, "GET", `/v1/batches/${batchId}`, { key: client.api_key });
    expect(read.body).toMatchObject({
      finished_at: batch.finishedAt!.toISOString(),
      credits_refunded: 5,
    });
  }, 120_000);

  it("finishes a batch whose last jobs were cancelled through the API", async () => {
    const rt = await start({ models: (builtin) => [new ScriptedModel("slow", builtin, 0)] });
    const slow = rt.models.get("slow")!;
    slow.hold();
    const client = await createTestClient(rt, 100);
    const { hooks } = await endpointFor(client.api_key);
    const accepted = await callApi(rt, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: items(2, { image_model: "slow" }) },
    });
    await slow.entered;
    for (const job of accepted.body.jobs as { job_id: string }[]) {
      const batchBefore = await rt.db.batch.findUniqueOrThrow({
        where: { id: accepted.body.batch_id },
      });
      expect(batchBefore.finishedAt).toBeNull();
      const cancelled = await callApi(rt, "POST", `/v1/jobs/${job.job_id}/cancel`, {
        key: client.api_key,
      });
      expect(cancelled.status).toBe(200);
    }
    slow.release();
    await settle(rt);
    const announced = batchHooks(hooks);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.payload.data).toMatchObject({
      counts: { SUCCESS: 0, FAILURE: 2 },
      credits_refunded: 10,
    });
  }, 120_000);

  it("finishes a batch whose jobs the stuck-job sweeper timed out", async () => {
    const rt = await start({ models: (builtin) => [new ScriptedModel("stuck", builtin, 0)] });
    const stuck = rt.models.get("stuck")!;
    stuck.hold();
    const client = await createTestClient(rt, 100);
    const { hooks } = await endpointFor(client.api_key);
    const accepted = await callApi(rt, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: items(2, { image_model: "stuck" }) },
    });
    await stuck.entered;
    // Past every deadline: the running job times out, the waiting one never started.
    const failed = await failStuckJobs(
      rt.db,
      { runMs: 0, queueMs: 0 },
      new Date(Date.now() + 60_000),
      (jobId) => rt.workflows!.announceJobFinished(jobId),
    );
    expect(failed).toBe(2);
    stuck.release();
    await settle(rt);
    const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: accepted.body.batch_id } });
    expect(batch.finishedAt).not.toBeNull();
    const announced = batchHooks(hooks);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.payload.data).toMatchObject({
      counts: { FAILURE: 2 },
      credits_refunded: 10,
    });
  }, 120_000);

  it("finishes a batch exactly once when its jobs end at the same moment", async () => {
    // No runner work: the jobs stay NOT_STARTED until this test ends them all at once.
    const rt = await start({ models: (builtin) => [new ScriptedModel("held", builtin, 0)] });
    rt.models.get("held")!.hold();
    const client = await createTestClient(rt, 2_000);
    const { hooks } = await endpointFor(client.api_key);
    for (let round = 0; round < 8; round += 1) {
      const accepted = await callApi(rt, "POST", "/v1/batches", {
        key: client.api_key,
        body: { items: items(6, { image_model: "held", seed: round }) },
      });
      const jobIds = (accepted.body.jobs as { job_id: string }[]).map((job) => job.job_id);
      // Every job fails and then checks its batch, all concurrently (separate connections on
      // PostgreSQL): however they interleave, exactly one check finishes the batch.
      const outcomes = await Promise.all(
        jobIds.map(async (jobId) => {
          await failJobAndRefund(rt.db, { jobId, reason: "cancelled", message: "test" });
          return finishBatchOfJob(rt.db, jobId);
        }),
      );
      expect(outcomes.filter((outcome) => outcome?.finishedNow)).toHaveLength(1);
      const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: accepted.body.batch_id } });
      expect(batch.finishedAt).not.toBeNull();
      // A later check (a retried step) sees it finished, and changes nothing.
      const again = await finishBatchOfJob(rt.db, jobIds[0]!);
      expect(again).toEqual({ batchId: batch.id, finishedNow: false });
      // Announcing from every job at once still makes one delivery per endpoint.
      await Promise.all(jobIds.map((jobId) => rt.workflows!.announceJobFinished(jobId)));
      expect(await rt.db.webhookDelivery.count({ where: { batchId: batch.id } })).toBe(1);
    }
    rt.models.get("held")!.release();
    await settle(rt);
    expect(batchHooks(hooks)).toHaveLength(8);
  }, 120_000);

  it("leaves a batch unfinished while one of its jobs still runs, and ignores jobs without a batch", async () => {
    const rt = await start({ models: (builtin) => [new ScriptedModel("held", builtin, 0)] });
    const held = rt.models.get("held")!;
    held.hold();
    const client = await createTestClient(rt, 100);
    const accepted = await callApi(rt, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: items(2, { image_model: "held" }) },
    });
    const [first] = accepted.body.jobs as { job_id: string }[];
    await failJobAndRefund(rt.db, { jobId: first!.job_id, reason: "cancelled", message: "t" });
    expect(await finishBatchOfJob(rt.db, first!.job_id)).toBeNull();
    const single = await callApi(rt, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, image_model: "held" }),
    });
    await failJobAndRefund(rt.db, { jobId: single.body.job_id, reason: "cancelled", message: "t" });
    expect(await finishBatchOfJob(rt.db, single.body.job_id)).toBeNull();
    held.release();
    await settle(rt);
    const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: accepted.body.batch_id } });
    expect(batch.finishedAt).not.toBeNull();
  }, 120_000);
});
