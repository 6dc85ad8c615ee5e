import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import { OtlpReceiver } from "../../test/otlp-receiver";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";
import { readServerEnv } from "../env";
import { startTracingFromEnv } from "./tracing";

// Inside this engineer's port range (4400-4499); a fixed port so a clash fails loudly.
const RECEIVER_PORT = 4417;

describe("traces over OTLP/HTTP", () => {
  const receiver = new OtlpReceiver();
  let stopTracing: (() => Promise<void>) | null = null;
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    const endpoint = await receiver.start(RECEIVER_PORT);
    // The production path: the environment names the collector, the process exports to it.
    const env = readServerEnv({
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_SERVICE_NAME: "garment-otlp-test",
    });
    stopTracing = startTracingFromEnv(env);
    runtime = await createWorkflowTestRuntime("pglite");
  });
  afterAll(async () => {
    await runtime?.close();
    await stopTracing?.();
    await receiver.stop();
  });

  it("exports nothing when the endpoint is unset", () => {
    expect(startTracingFromEnv({ OTEL_SERVICE_NAME: "x" })).toBeNull();
    expect(stopTracing).not.toBeNull();
  });

  it("delivers one dispatch's spans, request → operation → every workflow step", async () => {
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ resolution: "0.5K", aspect_ratio: "4:5" }),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    // Flushes the batch processor: everything buffered goes over the wire now.
    await stopTracing!();
    stopTracing = null;

    expect(receiver.rejected).toEqual([]);
    const request = receiver.spans.find(
      (s) => s.name === "POST /v1/complementary-garment-generator",
    );
    expect(request).toBeDefined();
    expect(request!.serviceName).toBe("garment-otlp-test");
    expect(request!.parentSpanId).toBeUndefined(); // no traceparent: the request is the root
    expect(request!.attributes).toMatchObject({
      "garment.request_id": accepted.body.request_id,
      "http.response.status_code": 202,
    });

    const trace = receiver.spans.filter((s) => s.traceId === request!.traceId);
    const operation = trace.find((s) => s.name === "operation /v1/complementary-garment-generator");
    expect(operation?.parentSpanId).toBe(request!.spanId);
    expect(operation?.attributes["garment.job_id"]).toBe(accepted.body.job_id);

    const steps = trace.filter((s) => s.name.startsWith("step "));
    expect(steps.map((s) => s.name).sort()).toEqual(
      [
        "step announce-finished",
        "step complete",
        "step evaluate-0",
        "step plan",
        "step render-0",
        "step start",
      ].sort(),
    );
    for (const step of steps) {
      expect(step.parentSpanId).toBe(operation!.spanId);
      expect(step.attributes).toMatchObject({
        "garment.job_id": accepted.body.job_id,
        "garment.request_id": accepted.body.request_id,
      });
    }
  }, 120_000);
});
