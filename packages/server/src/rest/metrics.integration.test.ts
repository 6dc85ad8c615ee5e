import { testDatabaseKinds } from "@garment/db";
import { afterEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, createTestRuntime, validSpec } from "../../test/harness";
import { scrapeMetrics } from "../../test/prometheus";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";
import type { AppRuntime } from "../runtime/app-runtime";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5", eval_enabled: false } as const;
const DISPATCH = "/v1/complementary-garment-generator";
const TOKEN = "metrics-scrape-token";
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(testDatabaseKinds())("GET /metrics on %s", (kind) => {
  let runtime: AppRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  it("moves the counters by exactly one dispatch that succeeds, one whose render fails and is refunded, and two refusals", async () => {
    const workflows: WorkflowTestRuntime = await createWorkflowTestRuntime(kind, {
      // Refuses every request, not retriable: one failed render call, then fail-and-refund.
      models: (builtin) => [new ScriptedModel("broken", builtin, -1, false)],
      settings: { metricsToken: TOKEN },
    });
    runtime = workflows;
    const client = await createTestClient(runtime, 100);
    const broke = await createTestClient(runtime, 0, "Broke Boutique");
    const before = (await scrapeMetrics(runtime, auth)).scrape;

    const ok = await callApi(runtime, "POST", DISPATCH, {
      key: client.api_key,
      body: validSpec(SMALL),
    });
    const failing = await callApi(runtime, "POST", DISPATCH, {
      key: client.api_key,
      body: validSpec({ ...SMALL, image_model: "broken" }),
    });
    const unpaid = await callApi(runtime, "POST", DISPATCH, {
      key: broke.api_key,
      body: validSpec(SMALL),
    });
    const invalid = await callApi(runtime, "POST", DISPATCH, {
      key: client.api_key,
      body: { color: "navy" },
    });
    expect([ok.status, failing.status, unpaid.status, invalid.status]).toEqual([
      202, 202, 402, 422,
    ]);
    await settle(workflows);

    const { status, scrape: after } = await scrapeMetrics(runtime, auth);
    expect(status).toBe(200);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      after.value(name, labels) - before.value(name, labels);
    const observed = (name: string, labels: Record<string, string> = {}) =>
      after.count(name, labels) - before.count(name, labels);
    const cost = ok.body.credits_cost as number;

    expect(moved("garment_dispatches_accepted_total", { route: DISPATCH })).toBe(2);
    expect(moved("garment_dispatches_refused_total", { route: DISPATCH, status: "402" })).toBe(1);
    expect(moved("garment_dispatches_refused_total", { route: DISPATCH, status: "422" })).toBe(1);
    expect(moved("garment_credits_debited_total")).toBe(2 * cost);
    expect(moved("garment_jobs_finished_total", { status: "SUCCESS" })).toBe(1);
    expect(
      moved("garment_jobs_finished_total", { status: "FAILURE", reason: "technical_failure" }),
    ).toBe(1);
    expect(moved("garment_jobs_finished_total")).toBe(2);
    expect(moved("garment_refunds_total", { reason: "technical_failure" })).toBe(1);
    expect(moved("garment_refunds_total")).toBe(1);
    expect(moved("garment_credits_refunded_total", { reason: "technical_failure" })).toBe(cost);
    expect(
      observed("garment_render_duration_seconds", { model: "broken", outcome: "failed" }),
    ).toBe(1);
    expect(
      observed("garment_render_duration_seconds", { resolution: "0.5K", outcome: "succeeded" }),
    ).toBe(1);
    expect(moved("garment_http_requests_total", { route: DISPATCH, status: "202" })).toBe(2);
    expect(moved("garment_http_requests_total", { route: DISPATCH, status: "402" })).toBe(1);
    expect(moved("garment_http_requests_total", { route: DISPATCH, status: "422" })).toBe(1);
    expect(observed("garment_http_request_duration_seconds", { route: DISPATCH })).toBe(4);
    // Everything ran: nothing waits, nothing executes.
    expect(after.value("garment_jobs_queued")).toBe(0);
    expect(after.value("garment_jobs_in_progress")).toBe(0);
    expect(after.value("garment_runner_executing_runs")).toBe(0);
    expect(after.value("garment_queue_state_up")).toBe(1);
    if (kind === "postgres") expect(after.value("garment_db_pool_max_connections")).toBe(40);
    // Prometheus conventions: one prefix, counters end in _total.
    for (const family of after.families) {
      expect(family.name).toMatch(/^garment_/);
      if (family.type === "counter") expect(family.name).toMatch(/_total$/);
    }
    // Two runs on a loaded 2-core machine: more than the default 30 s at worst.
  }, 120_000);

  it("counts a job waiting in the outbox as queued, with its age", async () => {
    // A hand-off that nobody relays: the job stays NOT_STARTED, its event unsent.
    runtime = await createTestRuntime(kind);
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", DISPATCH, {
      key: client.api_key,
      body: validSpec(SMALL),
    });
    expect(accepted.status).toBe(202);
    const { scrape } = await scrapeMetrics(runtime);
    expect(scrape.value("garment_jobs_queued")).toBe(1);
    expect(scrape.value("garment_outbox_pending_events")).toBe(1);
    expect(scrape.value("garment_jobs_queued_oldest_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(scrape.value("garment_jobs_queued_oldest_age_seconds")).toBeLessThan(60);
  });
});

describe("GET /metrics credentials", () => {
  let runtime: AppRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  it("asks for the configured bearer token, and never writes a request log", async () => {
    runtime = await createTestRuntime("pglite", { metricsToken: TOKEN });
    expect((await scrapeMetrics(runtime)).status).toBe(401);
    expect((await scrapeMetrics(runtime, { authorization: "Bearer nope" })).status).toBe(401);
    expect((await scrapeMetrics(runtime, { authorization: TOKEN })).status).toBe(401);
    const scraped = await scrapeMetrics(runtime, auth);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain("# TYPE garment_http_requests_total counter");
    expect(await runtime.db.requestLog.count()).toBe(0);
  });

  it("is open when no token is configured", async () => {
    runtime = await createTestRuntime("pglite");
    expect((await scrapeMetrics(runtime)).status).toBe(200);
  });
});
