import { InngestTestEngine } from "@inngest/test";
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import {
  COMPLEMENTARY_GARMENT_OPERATION,
  type DispatchEventData,
} from "../../services/dispatch/operation";
import type { GenerationDeps } from "./deps";
import { createGenerationFunction } from "./function";

/**
 * The workflow's orchestration with every step mocked (`@inngest/test`): which steps run, in
 * which order, for each outcome. The step bodies are covered end to end through the embedded
 * runner in generation.integration.test.ts.
 */
const inngest = new Inngest({ id: "garment-studio-test", isDev: true });
// Every step is mocked, so the function never touches its dependencies.
const generation = createGenerationFunction(inngest, {
  fallbackModelId: "builtin-flatlay",
} as GenerationDeps);

const dispatchEvent = {
  name: COMPLEMENTARY_GARMENT_OPERATION.eventName,
  data: {
    jobId: "job_1",
    requestId: "req_1",
    clientId: "cli_1",
    mode: "live",
  } satisfies DispatchEventData,
};

function planned(options: { evalEnabled: boolean; onTechnicalFailure?: string; model?: string }) {
  return {
    plan: {},
    prompt: "flat-lay",
    options: {
      evalEnabled: options.evalEnabled,
      onTechnicalFailure: options.onTechnicalFailure ?? "retry",
      imageModel: options.model ?? "builtin-flatlay",
      seed: 7,
    },
  };
}

const rendered = (attempt: number) => ({ attempt, artifactId: `art_${attempt}` });
const evaluation = (passed: boolean) => ({ passed, score: passed ? 0.9 : 0.2 });

function engine(steps: { id: string; handler: () => unknown }[]): InngestTestEngine {
  return new InngestTestEngine({ function: generation, events: [dispatchEvent], steps });
}

function stepIds(run: { ctx: { step: { run: { mock: { calls: unknown[][] } } } } }): string[] {
  return run.ctx.step.run.mock.calls.map((call) => String(call[0]));
}

describe("complementary-garment-generator fairness", () => {
  it("limits each client's generations with Inngest's concurrency keyed by the event's clientId", () => {
    expect(generation.opts.concurrency).toEqual([{ key: "event.data.clientId", limit: 2 }]);
    const configured = createGenerationFunction(inngest, {
      fallbackModelId: "builtin-flatlay",
      clientConcurrency: 5,
    } as GenerationDeps);
    expect(configured.opts.concurrency).toEqual([{ key: "event.data.clientId", limit: 5 }]);
  });
});

describe("complementary-garment-generator orchestration", () => {
  it("re-renders while the evaluation fails and completes with the first passing render", async () => {
    let evaluations = 0;
    const run = await engine([
      { id: "start", handler: () => ({ active: true }) },
      { id: "plan", handler: () => planned({ evalEnabled: true }) },
      { id: "render-0", handler: () => rendered(0) },
      { id: "evaluate-0", handler: () => evaluation(++evaluations > 1) },
      { id: "render-1", handler: () => rendered(1) },
      { id: "evaluate-1", handler: () => evaluation(++evaluations > 1) },
      { id: "complete", handler: () => ({ completed: true }) },
    ]).execute();
    expect(run.result).toEqual({ outcome: "succeeded" });
    expect(stepIds(run as never)).toEqual([
      "start",
      "plan",
      "render-0",
      "evaluate-0",
      "render-1",
      "evaluate-1",
      "complete",
      "announce-finished",
    ]);
  });

  it("fails and refunds after three renders that never pass", async () => {
    const run = await engine([
      { id: "start", handler: () => ({ active: true }) },
      { id: "plan", handler: () => planned({ evalEnabled: true }) },
      ...[0, 1, 2].flatMap((attempt) => [
        { id: `render-${attempt}`, handler: () => rendered(attempt) },
        { id: `evaluate-${attempt}`, handler: () => evaluation(false) },
      ]),
      { id: "fail-evaluation", handler: () => ({ refunded: true }) },
    ]).execute();
    expect(run.result).toEqual({ outcome: "evaluation_failed" });
    const ids = stepIds(run);
    expect(ids.filter((id) => id.startsWith("render-"))).toHaveLength(3);
    // The refund is the last state change; webhooks hear of it after.
    expect(ids.slice(-2)).toEqual(["fail-evaluation", "announce-finished"]);
    expect(ids).not.toContain("complete");
  });

  it("renders once and skips evaluation when eval is off", async () => {
    const run = await engine([
      { id: "start", handler: () => ({ active: true }) },
      { id: "plan", handler: () => planned({ evalEnabled: false }) },
      { id: "render-0", handler: () => rendered(0) },
      { id: "complete", handler: () => ({ completed: true }) },
    ]).execute();
    expect(run.result).toEqual({ outcome: "succeeded" });
    expect(stepIds(run as never)).toEqual([
      "start",
      "plan",
      "render-0",
      "complete",
      "announce-finished",
    ]);
  });

  it("stops without planning when the job was cancelled before it started", async () => {
    const run = await engine([{ id: "start", handler: () => ({ active: false }) }]).execute();
    expect(run.result).toEqual({ outcome: "cancelled" });
    expect(stepIds(run as never)).toEqual(["start"]);
  });
  // Step failures, retries and the fallback policy need the executor's retry semantics, which
  // @inngest/test does not model: generation.integration.test.ts covers them through the
  // embedded runner.
});
