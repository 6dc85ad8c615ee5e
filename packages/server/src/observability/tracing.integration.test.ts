import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";
import { registerTracing } from "./tracing";

const CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";

describe("traces", () => {
  const exporter = new InMemorySpanExporter();
  let stopTracing: () => Promise<void>;
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    stopTracing = registerTracing({
      serviceName: "garment-studio-test",
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    runtime = await createWorkflowTestRuntime("pglite");
  });
  afterAll(async () => {
    await runtime.close();
    await stopTracing();
  });

  it("runs one trace from the request through the operation to every workflow step", async () => {
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ resolution: "0.5K", aspect_ratio: "4:5" }),
      // The caller's own trace: the request joins it.
      headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);

    const spans = exporter.getFinishedSpans();
    const requestSpan = spans.find((s) => s.name === "POST /v1/complementary-garment-generator");
    expect(requestSpan).toBeDefined();
    expect(requestSpan!.spanContext().traceId).toBe(CALLER_TRACE);
    expect(requestSpan!.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(requestSpan!.attributes).toMatchObject({
      "garment.request_id": accepted.body.request_id,
      "garment.client_id": client.client_id,
      "http.route": "/v1/complementary-garment-generator",
      "http.response.status_code": 202,
    });

    const operationSpan = spans.find(
      (s) => s.name === "operation /v1/complementary-garment-generator",
    );
    expect(operationSpan?.parentSpanContext?.spanId).toBe(requestSpan!.spanContext().spanId);
    expect(operationSpan?.attributes["garment.job_id"]).toBe(accepted.body.job_id);

    const steps = spans.filter((s) => s.name.startsWith("step "));
    expect(steps.map((s) => s.name)).toEqual([
      "step start",
      "step plan",
      "step render-0",
      "step evaluate-0",
      "step complete",
      "step announce-finished",
    ]);
    for (const step of steps) {
      expect(step.spanContext().traceId).toBe(CALLER_TRACE);
      expect(step.parentSpanContext?.spanId).toBe(operationSpan!.spanContext().spanId);
      expect(step.attributes).toMatchObject({
        "garment.job_id": accepted.body.job_id,
        "garment.request_id": accepted.body.request_id,
      });
    }
  }, 120_000);

  it("runs every row of a batch in the batch request's trace", async () => {
    exporter.reset();
    const client = await createTestClient(runtime, 100);
    const item = validSpec({ resolution: "0.5K", aspect_ratio: "4:5" });
    const accepted = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: [item, { ...item, seed: 2 }] },
      headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);

    const spans = exporter.getFinishedSpans();
    const operationSpan = spans.find((s) => s.name === "operation /v1/batches");
    expect(operationSpan?.spanContext().traceId).toBe(CALLER_TRACE);
    const starts = spans.filter((s) => s.name === "step start");
    expect(starts).toHaveLength(2);
    for (const step of starts) {
      expect(step.spanContext().traceId).toBe(CALLER_TRACE);
      expect(step.parentSpanContext?.spanId).toBe(operationSpan!.spanContext().spanId);
    }
  }, 120_000);

  it("starts a trace of its own for a request without traceparent, and marks a refusal", async () => {
    exporter.reset();
    const refused = await callApi(runtime, "GET", "/v1/credits", { key: "sk_live_nope" });
    expect(refused.status).toBe(401);
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === "GET /v1/credits");
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.attributes).toMatchObject({
      "http.response.status_code": 401,
      "error.type": "UNAUTHENTICATED",
    });
  });
});
