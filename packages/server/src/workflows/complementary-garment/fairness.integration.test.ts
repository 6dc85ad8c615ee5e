import { testDatabaseKinds } from "@garment/db";
import { createImageModelRegistry, type ImageModel } from "@garment/imaging";
import { afterEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { DEFAULT_FAIRNESS } from "../../config/api-settings";

const CLIENT_LIMIT = 2;
const BUILTIN_SLOTS = 3;
const HOSTED_SLOTS = 2;
const BACKLOG = 6;
/** Each client's jobs get seeds from its own range, so a render tells whose job it is. */
const SEED_BASE = { busyA: 1_000, busyB: 2_000, late: 3_000 } as const;
type Who = keyof typeof SEED_BASE;
const whoseSeed = (seed: number): Who =>
  seed >= SEED_BASE.late ? "late" : seed >= SEED_BASE.busyB ? "busyB" : "busyA";

/** Counts renders in flight per client and per kind of model, keeping the highest counts. */
class RenderMeter {
  private readonly now = new Map<string, number>();
  readonly max = new Map<string, number>();

  wrap(model: ImageModel): ImageModel {
    return {
      ...model,
      isAvailable: () => true,
      render: async (request, options) => {
        const labels = [whoseSeed(request.seed), model.kind];
        for (const label of labels) this.enter(label);
        try {
          // Long enough for renders to overlap on any machine.
          await new Promise((resolve) => setTimeout(resolve, 100));
          return await model.render(request, options);
        } finally {
          for (const label of labels) this.now.set(label, (this.now.get(label) ?? 1) - 1);
        }
      },
    };
  }

  private enter(label: string) {
    const value = (this.now.get(label) ?? 0) + 1;
    this.now.set(label, value);
    this.max.set(label, Math.max(this.max.get(label) ?? 0, value));
  }
}

describe.each(testDatabaseKinds())("fair share of the render slots on %s", (kind) => {
  let runtime: WorkflowTestRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  it("keeps each busy client to its limit and the renders to the slots, and a late client's jobs finish while the backlog waits", async () => {
    const meter = new RenderMeter();
    const base = createImageModelRegistry();
    const hosted = new ScriptedModel("hosted-test", base.defaultModel, 0);
    const models = new Map<string, ImageModel>(
      [base.defaultModel, hosted].map((model) => [model.id, meter.wrap(model)]),
    );
    runtime = await createWorkflowTestRuntime(kind, {
      // Listed for dispatch; the renders go through the meter.
      models: () => [hosted],
      generation: { imageModel: (id) => models.get(id) },
      // The runner's slots are the render slots together (the default), so they are not the
      // bound: the per-client limit and the render pools are.
      concurrency: BUILTIN_SLOTS + HOSTED_SLOTS,
      settings: {
        fairness: {
          ...DEFAULT_FAIRNESS,
          clientConcurrency: CLIENT_LIMIT,
          builtinRenderSlots: BUILTIN_SLOTS,
          hostedRenderSlots: HOSTED_SLOTS,
        },
      },
    });
    const rt = runtime;
    const clients = {
      busyA: await createTestClient(rt, 500, "Busy A"),
      busyB: await createTestClient(rt, 500, "Busy B"),
      late: await createTestClient(rt, 500, "Late"),
    };
    const dispatch = async (who: Who, i: number, imageModel = base.defaultModel.id) => {
      const response = await callApi(rt, "POST", "/v1/complementary-garment-generator", {
        key: clients[who].api_key,
        body: validSpec({
          seed: SEED_BASE[who] + i * 10,
          resolution: "0.5K",
          eval_enabled: false,
          image_model: imageModel,
        }),
      });
      expect(response.status).toBe(202);
      return response.body.job_id as string;
    };

    // What the database says is executing, per concurrency key, sampled throughout.
    const maxExecuting = new Map<string, number>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await rt.db.$queryRaw<{ key: string; n: number }[]>`
          SELECT k AS key, count(*)::int AS n
          FROM workflow_runs, unnest(concurrency_keys) AS k
          WHERE status = 'running' GROUP BY k`;
        for (const { key, n } of rows)
          maxExecuting.set(key, Math.max(maxExecuting.get(key) ?? 0, n));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();

    const started = Date.now();
    for (let i = 0; i < BACKLOG; i += 1) {
      await dispatch("busyA", i);
      await dispatch("busyB", i);
    }
    const backlogIds = await rt.db.job.findMany({
      where: { clientId: { in: [clients.busyA.client_id, clients.busyB.client_id] } },
      select: { id: true },
    });
    // The late client comes once the backlog is rendering: one built-in job, one hosted.
    // About 5–20 s of work per database; the deadlines are room for a loaded machine.
    const deadline = Date.now() + 60_000;
    while ((meter.max.get("builtin") ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const lateJobs = [await dispatch("late", 0), await dispatch("late", 1, hosted.id)];

    let backlogPendingWhenLateFinished = -1;
    while (Date.now() < deadline) {
      const late = await rt.db.job.findMany({ where: { id: { in: lateJobs } } });
      if (late.every((job) => job.status === "SUCCESS" || job.status === "FAILURE")) {
        backlogPendingWhenLateFinished = await rt.db.job.count({
          where: {
            id: { in: backlogIds.map((job) => job.id) },
            status: { in: ["NOT_STARTED", "IN_PROGRESS"] },
          },
        });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await settle(rt, 90_000);
    sampling = false;
    await sampler;
    const elapsedMs = Date.now() - started;

    const jobs = await rt.db.job.findMany({ select: { clientId: true, status: true } });
    expect(jobs).toHaveLength(2 * BACKLOG + 2);
    expect(jobs.every((job) => job.status === "SUCCESS")).toBe(true);
    // The late client's jobs were done with much of the backlog, queued before them, still
    // pending (in due order alone they would have come last, with none).
    expect(backlogPendingWhenLateFinished).toBeGreaterThanOrEqual(BACKLOG / 2);
    // No client ever executed more than its limit, in the database or in the renders.
    for (const client of Object.values(clients)) {
      const key = [...maxExecuting.keys()].find((k) => k.endsWith(`:key:${client.client_id}`));
      expect(maxExecuting.get(key ?? "")).toBeLessThanOrEqual(CLIENT_LIMIT);
    }
    expect(meter.max.get("busyA")).toBeLessThanOrEqual(CLIENT_LIMIT);
    expect(meter.max.get("busyB")).toBeLessThanOrEqual(CLIENT_LIMIT);
    // … and the busy ones were held there by it, not by a lack of work.
    const busyKeys = [...maxExecuting.keys()].filter(
      (k) =>
        k.endsWith(`:key:${clients.busyA.client_id}`) ||
        k.endsWith(`:key:${clients.busyB.client_id}`),
    );
    expect(busyKeys.map((k) => maxExecuting.get(k))).toEqual([CLIENT_LIMIT, CLIENT_LIMIT]);
    // Two busy clients at their limit want four built-in renders: the pool held them to three.
    expect(meter.max.get("builtin")).toBe(BUILTIN_SLOTS);
    expect(meter.max.get("hosted")).toBeLessThanOrEqual(HOSTED_SLOTS);
    console.info(
      `[fairness ${kind}] ${2 * BACKLOG + 2} jobs in ${elapsedMs} ms; backlog still pending when the late client finished: ${backlogPendingWhenLateFinished}/${2 * BACKLOG}`,
    );
  }, 150_000);
});
