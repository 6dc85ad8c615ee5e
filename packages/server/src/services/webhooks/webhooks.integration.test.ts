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
import { getBalance } from "../credits/balance";
import { failStuckJobs } from "../jobs/fail-stuck-jobs";

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1", eval_enabled: false } as const;

describe.each(testDatabaseKinds())("webhook deliveries on %s", (kind) => {
  let runtime: WorkflowTestRuntime | undefined;
  const receivers: WebhookReceiver[] = [];
  // The first database of a process builds the migrated image (seconds on a busy machine):
  // do it under the hook timeout, not inside the first test's.
  beforeAll(async () => {
    await (await openTestDatabase(kind)).close();
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  async function startRuntime(
    options: Parameters<typeof createWorkflowTestRuntime>[1] = {},
    limits: { maxAttempts?: number; outboundTimeoutMs?: number } = {},
  ) {
    runtime = await createWorkflowTestRuntime(kind, {
      ...options,
      settings: {
        // Test receivers listen on loopback: allowed here, refused by default.
        webhooks: { allowPrivateUrls: true, maxAttempts: limits.maxAttempts ?? 6 },
        ...(limits.outboundTimeoutMs ? { outboundTimeoutMs: limits.outboundTimeoutMs } : {}),
      },
    });
    return runtime;
  }

  async function receiver(script: (number | "hang")[] = [], fallback = 204) {
    const r = new WebhookReceiver(script, fallback);
    receivers.push(r);
    return { receiver: r, url: await r.start() };
  }

  async function register(key: string, url: string) {
    const created = await callApi(runtime!, "POST", "/v1/webhooks/endpoints", {
      key,
      body: { url, description: "orders service" },
    });
    expect(created.status).toBe(201);
    return created.body as { public_id: string; secret: string };
  }

  async function dispatch(key: string, spec: Record<string, unknown> = {}) {
    const accepted = await callApi(runtime!, "POST", "/v1/complementary-garment-generator", {
      key,
      body: validSpec({ ...SMALL, ...spec }),
    });
    expect(accepted.status).toBe(202);
    return accepted.body.job_id as string;
  }

  function verified(secret: string, hook: { headers: Record<string, unknown>; body: string }) {
    return new Webhook(secret).verify(hook.body, {
      "webhook-id": String(hook.headers["webhook-id"]),
      "webhook-timestamp": String(hook.headers["webhook-timestamp"]),
      "webhook-signature": String(hook.headers["webhook-signature"]),
    }) as { type: string; data: { public_id: string; status: string; result: unknown[] } };
  }

  it("delivers a signed job.succeeded once, after retrying two 500s with the same webhook-id", async () => {
    await startRuntime();
    const client = await createTestClient(runtime!, 100);
    const { receiver: hooks, url } = await receiver([500, 500]);
    const endpoint = await register(client.api_key, url);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const jobId = await dispatch(client.api_key);
    await settle(runtime!);

    expect(hooks.received.map((h) => h.status)).toEqual([500, 500, 204]);
    const ids = new Set(hooks.received.map((h) => h.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    for (const hook of hooks.received) {
      const payload = verified(endpoint.secret, hook);
      expect(payload.type).toBe("job.succeeded");
      expect(payload.data).toMatchObject({ public_id: jobId, status: "SUCCESS" });
      expect(payload.data.result).toHaveLength(1);
    }
    // A tampered body does not verify with the endpoint's secret.
    const first = hooks.received[0]!;
    expect(() =>
      verified(endpoint.secret, { ...first, body: first.body.replace("SUCCESS", "FAILURE") }),
    ).toThrow();

    const delivery = await runtime!.db.webhookDelivery.findFirstOrThrow({
      where: { jobId },
      include: { attemptsLog: { orderBy: { attempt: "asc" } } },
    });
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 3,
      eventType: "job.succeeded",
    });
    expect(delivery.attemptsLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    expect(delivery.attemptsLog[0]!.error).toContain("500");

    // The job itself is untouched by its webhook's trouble, and was charged once.
    const job = await callApi(runtime!, "GET", `/v1/jobs/${jobId}`, { key: client.api_key });
    expect(job.body.status).toBe("SUCCESS");
    expect(await getBalance(runtime!.db, client.client_id, "live")).toBe(95);
  });

  it("sends exactly one delivery per terminal job to each endpoint, including job.failed", async () => {
    await startRuntime({
      models: (builtin) => [new ScriptedModel("always-down", builtin, -1)],
    });
    const client = await createTestClient(runtime!, 100);
    const a = await receiver();
    const b = await receiver();
    const endpointA = await register(client.api_key, a.url);
    await register(client.api_key, b.url);
    // Another client's endpoint hears nothing of this client's jobs.
    const other = await createTestClient(runtime!, 100, "Other Shop");
    const c = await receiver();
    await register(other.api_key, c.url);

    const succeeded = await dispatch(client.api_key, { seed: 1 });
    const failed = await dispatch(client.api_key, {
      seed: 2,
      image_model: "always-down",
      on_technical_failure: "fail",
    });
    await settle(runtime!);

    for (const hooks of [a.receiver, b.receiver]) {
      const byJob = new Map<string, string[]>();
      for (const hook of hooks.received) {
        const payload = JSON.parse(hook.body) as { type: string; data: { public_id: string } };
        byJob.set(payload.data.public_id, [
          ...(byJob.get(payload.data.public_id) ?? []),
          payload.type,
        ]);
      }
      expect(Object.fromEntries(byJob)).toEqual({
        [succeeded]: ["job.succeeded"],
        [failed]: ["job.failed"],
      });
    }
    const failedHook = a.receiver.received.find((h) => h.body.includes(failed))!;
    expect(verified(endpointA.secret, failedHook).data.status).toBe("FAILURE");
    expect(c.receiver.received).toHaveLength(0);
    // Credits: one success charged, the failure refunded.
    expect(await getBalance(runtime!.db, client.client_id, "live")).toBe(95);
  });

  it("notifies a job cancelled through the API as job.failed, once", async () => {
    await startRuntime({ models: (builtin) => [new ScriptedModel("slow", builtin, 0)] });
    const slow = runtime!.models.get("slow")!;
    slow.hold();
    const client = await createTestClient(runtime!, 100);
    const { receiver: hooks, url } = await receiver();
    await register(client.api_key, url);
    const jobId = await dispatch(client.api_key, { image_model: "slow" });
    await slow.entered;
    const cancelled = await callApi(runtime!, "POST", `/v1/jobs/${jobId}/cancel`, {
      key: client.api_key,
    });
    expect(cancelled.status).toBe(200);
    slow.release();
    await settle(runtime!);
    expect(hooks.received).toHaveLength(1);
    expect(JSON.parse(hooks.received[0]!.body)).toMatchObject({
      type: "job.failed",
      data: { public_id: jobId, status: "FAILURE" },
    });
  });

  it("announces a job the stuck-job sweeper failed", async () => {
    await startRuntime({ models: (builtin) => [new ScriptedModel("stuck", builtin, 0)] });
    const stuck = runtime!.models.get("stuck")!;
    stuck.hold();
    const client = await createTestClient(runtime!, 100);
    const { receiver: hooks, url } = await receiver();
    await register(client.api_key, url);
    const jobId = await dispatch(client.api_key, { image_model: "stuck" });
    await stuck.entered;
    const failed = await failStuckJobs(
      runtime!.db,
      { runMs: 0, queueMs: 0 },
      new Date(Date.now() + 60_000),
      (id) => runtime!.workflows!.announceJobFinished(id),
    );
    expect(failed).toBe(1);
    stuck.release();
    await settle(runtime!);
    expect(hooks.received.map((h) => JSON.parse(h.body) as unknown)).toEqual([
      expect.objectContaining({
        type: "job.failed",
        data: expect.objectContaining({ public_id: jobId }),
      }),
    ]);
  });

  it("gives up after the configured attempts, times out a silent endpoint, and never fails the job", async () => {
    await startRuntime({}, { maxAttempts: 3, outboundTimeoutMs: 300 });
    const client = await createTestClient(runtime!, 100);
    const { receiver: hooks, url } = await receiver(["hang"], 503);
    await register(client.api_key, url);
    const jobId = await dispatch(client.api_key);
    await settle(runtime!);

    const delivery = await runtime!.db.webhookDelivery.findFirstOrThrow({
      where: { jobId },
      include: { attemptsLog: { orderBy: { attempt: "asc" } } },
    });
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts).toBe(3);
    expect(hooks.received).toHaveLength(3);
    expect(delivery.attemptsLog[0]).toMatchObject({ statusCode: null });
    expect(delivery.attemptsLog[0]!.error).toContain("no answer within 300 ms");
    expect(delivery.attemptsLog.slice(1).every((a) => a.statusCode === 503)).toBe(true);
    const job = await callApi(runtime!, "GET", `/v1/jobs/${jobId}`, { key: client.api_key });
    expect(job.body.status).toBe("SUCCESS");
  });

  it("stops delivering to an endpoint deleted before the job finished", async () => {
    await startRuntime({ models: (builtin) => [new ScriptedModel("slow", builtin, 0)] });
    const slow = runtime!.models.get("slow")!;
    slow.hold();
    const client = await createTestClient(runtime!, 100);
    const { receiver: hooks, url } = await receiver();
    const endpoint = await register(client.api_key, url);
    await dispatch(client.api_key, { image_model: "slow" });
    await slow.entered;
    const deleted = await callApi(
      runtime!,
      "DELETE",
      `/v1/webhooks/endpoints/${endpoint.public_id}`,
      { key: client.api_key },
    );
    expect(deleted.status).toBe(200);
    slow.release();
    await settle(runtime!);
    expect(hooks.received).toHaveLength(0);
  });
});
