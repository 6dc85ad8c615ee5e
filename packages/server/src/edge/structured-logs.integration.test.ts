import { afterEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import { captureLogs } from "../../test/log-capture";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5" } as const;

describe("structured logs", () => {
  let runtime: WorkflowTestRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  it("writes one JSON line per request and one per job state change, naming request and job, never a key", async () => {
    const logs = captureLogs("debug");
    runtime = await createWorkflowTestRuntime("pglite", { logger: logs.logger });
    const client = await createTestClient(runtime, 100);

    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(SMALL),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    const polled = await callApi(runtime, "GET", `/v1/jobs/${accepted.body.job_id}`, {
      key: client.api_key,
    });
    expect(polled.body.status).toBe("SUCCESS");
    // A key that does not exist, and one that is revoked-looking garbage in the body too.
    const forged = `${client.api_key.slice(0, -4)}XXXX`;
    const refused = await callApi(runtime, "GET", "/v1/credits", { key: forged });
    expect(refused.status).toBe(401);
    const invalid = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: { color: client.api_key },
    });
    expect(invalid.status).toBe(422);

    const lines = logs.lines();
    const requests = lines.filter((line) => line.msg === "request");
    const ids = [accepted, polled, refused, invalid].map((r) => r.headers.get("x-request-id"));
    // Exactly one line per request, with who, what, how it ended and how long it took.
    expect(requests.map((line) => line.requestId)).toEqual(ids);
    expect(requests[0]).toMatchObject({
      level: 30,
      service: "garment-studio",
      requestId: accepted.body.request_id,
      transport: "rest",
      method: "POST",
      route: "/v1/complementary-garment-generator",
      clientId: client.client_id,
      mode: "live",
      status: 202,
      creditsMoved: -accepted.body.credits_cost,
      errorCode: null,
    });
    expect(requests[0]!.durationMs).toEqual(expect.any(Number));
    expect(requests[1]).toMatchObject({ route: "/v1/jobs/{public_id}", status: 200 });
    expect(requests[2]).toMatchObject({
      status: 401,
      clientId: null,
      errorCode: "UNAUTHENTICATED",
    });
    expect(requests[3]).toMatchObject({ status: 422, clientId: client.client_id });

    // The run: every line carries the job and the request it came from.
    const run = lines.filter((line) => line.jobId === accepted.body.job_id);
    expect(run.map((line) => line.msg)).toEqual([
      "job started",
      "complement planned",
      "render finished",
      "render evaluated",
      "job succeeded",
    ]);
    for (const line of run) expect(line.requestId).toBe(accepted.body.request_id);
    expect(run.find((line) => line.msg === "job succeeded")).toMatchObject({ status: "SUCCESS" });

    // No line holds a key, nor its secret part.
    const secret = client.api_key.slice(-24);
    expect(logs.text()).not.toContain(secret);
    expect(logs.text()).not.toContain(forged.slice(-24));
  }, 120_000);

  it("logs a failed job once, with its reason and the credits refunded", async () => {
    const logs = captureLogs("info");
    runtime = await createWorkflowTestRuntime("pglite", {
      logger: logs.logger,
      models: (builtin) => [new ScriptedModel("slow", builtin, 0)],
    });
    const slow = runtime.models.get("slow")!;
    slow.hold();
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, eval_enabled: false, image_model: "slow" }),
    });
    // Cancelled mid-render, then again: one failure, refunded once, logged once.
    await slow.entered;
    const cancelled = await callApi(runtime, "POST", `/v1/jobs/${accepted.body.job_id}/cancel`, {
      key: client.api_key,
    });
    expect(cancelled.status).toBe(200);
    await callApi(runtime, "POST", `/v1/jobs/${accepted.body.job_id}/cancel`, {
      key: client.api_key,
    });
    slow.release();
    await settle(runtime);
    const failures = logs.lines().filter((line) => line.msg === "job failed");
    expect(failures).toEqual([
      expect.objectContaining({
        jobId: accepted.body.job_id,
        requestId: accepted.body.request_id,
        status: "FAILURE",
        reason: "cancelled",
        refundedCredits: accepted.body.credits_cost,
      }),
    ]);
  }, 120_000);

  it("censors credentials even where an object would carry them", () => {
    const logs = captureLogs("info");
    logs.logger.info(
      { headers: { authorization: "Bearer sk_live_leak" }, apiKey: "sk_live_leak2" },
      "oops",
    );
    expect(logs.text()).not.toContain("sk_live_leak");
    expect(logs.lines()[0]).toMatchObject({ headers: { authorization: "[redacted]" } });
  });
});
