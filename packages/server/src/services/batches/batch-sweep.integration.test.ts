import { openTestDatabase, testDatabaseKinds } from "@garment/db";
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
import { sweeperHandOff } from "../../workflows/workflow-system";
import { sweepStuckWork, type SweeperOptions } from "../jobs/fail-stuck-jobs";
import { finishBatchOfJob } from "./finish-batch";

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1", eval_enabled: false } as const;
/** Later than every deadline and grace period, so the sweep looks at everything. */
const LATER = () => new Date(Date.now() + 10 * 60_000);

// A crash between a job's terminal transition and its batch's announcement is simulated by
// ending the jobs with the bare fail-and-refund statement: nothing finishes or announces the
// batch after it, as if the process had died right after that commit.
describe.each(testDatabaseKinds())("the sweeper and unannounced batches on %s", (kind) => {
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

  /** A runtime whose renders all wait, a client with a webhook endpoint, and the sweep's wiring. */
  async function start() {
    const rt = await createWorkflowTestRuntime(kind, {
      models: (builtin) => [new ScriptedModel("held", builtin, 0)],
      settings: { webhooks: { allowPrivateUrls: true, maxAttempts: 3 } },
    });
    runtime = rt;
    rt.models.get("held")!.hold();
    const client = await createTestClient(rt, 2_000);
    const hooks = new WebhookReceiver();
    receivers.push(hooks);
    const created = await callApi(rt, "POST", "/v1/webhooks/endpoints", {
      key: client.api_key,
      body: { url: await hooks.start() },
    });
    expect(created.status).toBe(201);
    const workflows = rt.workflows!;
    // What createRuntime gives its sweeper.
    const sweeper: SweeperOptions = {
      ...sweeperHandOff(workflows),
      onError: (error) => {
        throw error;
      },
    };
    const dispatchBatch = async (rows: number, seed = 0) => {
      const accepted = await callApi(rt, "POST", "/v1/batches", {
        key: client.api_key,
        body: {
          items: Array.from({ length: rows }, (_, row) => ({
            ...validSpec({ ...SMALL, image_model: "held", seed: seed * 100 + row }),
            sku: `SKU-${seed}-${row}`,
          })),
        },
      });
      expect(accepted.status).toBe(202);
      const jobIds = (accepted.body.jobs as { job_id: string }[]).map((job) => job.job_id);
      return { batchId: accepted.body.batch_id as string, jobIds };
    };
    const endWithoutAnnouncing = (jobIds: string[]) =>
      Promise.all(
        jobIds.map((jobId) =>
          failJobAndRefund(rt.db, { jobId, reason: "cancelled", message: "t" }),
        ),
      );
    const drain = async () => {
      rt.models.get("held")!.release();
      await settle(rt);
    };
    const batchHooks = () =>
      hooks.received
        .map((hook) => JSON.parse(hook.body) as { type: string; data: { batch_id: string } })
        .filter((payload) => payload.type === "batch.finished");
    return { rt, sweeper, dispatchBatch, endWithoutAnnouncing, drain, batchHooks };
  }

  it("finishes and announces a batch whose last job ended just before a crash", async () => {
    const { rt, sweeper, dispatchBatch, endWithoutAnnouncing, drain, batchHooks } = await start();
    const { batchId, jobIds } = await dispatchBatch(2);
    await endWithoutAnnouncing(jobIds);
    await drain();
    // Every job is terminal, and nothing will ever finish the batch but a sweep.
    expect((await rt.db.batch.findUniqueOrThrow({ where: { id: batchId } })).finishedAt).toBeNull();

    await sweepStuckWork(rt.db, sweeper, LATER());
    await settle(rt);

    const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: batchId } });
    const jobs = await rt.db.job.findMany({ where: { batchId } });
    // The last job's own finish, as if the job had finished the batch itself.
    expect(batch.finishedAt?.getTime()).toBe(
      Math.max(...jobs.map((job) => job.finishedAt!.getTime())),
    );
    expect(batch.announcedAt).not.toBeNull();
    expect(batchHooks()).toMatchObject([
      { data: { batch_id: batchId, counts: { FAILURE: 2 }, credits_refunded: 10 } },
    ]);
  }, 120_000);

  it("announces a batch that was finished but whose announcement a crash lost", async () => {
    const { rt, sweeper, dispatchBatch, endWithoutAnnouncing, drain, batchHooks } = await start();
    const { batchId, jobIds } = await dispatchBatch(2);
    await endWithoutAnnouncing(jobIds);
    // The conditional UPDATE committed; the deliveries were never enqueued.
    expect(await finishBatchOfJob(rt.db, jobIds[1]!)).toEqual({ batchId, finishedNow: true });
    await drain();
    const finishedAt = (await rt.db.batch.findUniqueOrThrow({ where: { id: batchId } })).finishedAt;

    await sweepStuckWork(rt.db, sweeper, LATER());
    await settle(rt);

    const batch = await rt.db.batch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.finishedAt).toEqual(finishedAt);
    expect(batch.announcedAt).not.toBeNull();
    expect(batchHooks().map((payload) => payload.data.batch_id)).toEqual([batchId]);
  }, 120_000);

  it("announces each batch once when two instances sweep at the same moment", async () => {
    const { rt, sweeper, dispatchBatch, endWithoutAnnouncing, drain, batchHooks } = await start();
    const batchIds: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const { batchId, jobIds } = await dispatchBatch(3, round);
      await endWithoutAnnouncing(jobIds);
      // Half of them had their finish committed before the crash, half not.
      if (round % 2 === 1) await finishBatchOfJob(rt.db, jobIds[0]!);
      batchIds.push(batchId);
    }
    await drain();
    // The jobs' own job.* events count as sent (as for jobs that ended before their announced_at
    // existed, which the migration marks): otherwise the sweep's job step would announce each
    // batch on its way, and this race between the batch steps would not be run.
    await rt.db.job.updateMany({
      where: { batchId: { in: batchIds } },
      data: { announcedAt: new Date() },
    });

    const now = LATER();
    const seen: string[] = [];
    const counted: SweeperOptions = {
      ...sweeper,
      onBatchEnded: async (batchId) => {
        seen.push(batchId);
        await sweeper.onBatchEnded!(batchId);
      },
    };
    await Promise.all([sweepStuckWork(rt.db, counted, now), sweepStuckWork(rt.db, counted, now)]);
    await settle(rt);
    // Both sweeps did take up the same batches (the race this test is about).
    expect(seen.length).toBeGreaterThan(batchIds.length);

    for (const batchId of batchIds)
      expect(await rt.db.webhookDelivery.count({ where: { batchId } })).toBe(1);
    expect(
      batchHooks()
        .map((payload) => payload.data.batch_id)
        .sort(),
    ).toEqual(batchIds.sort());
    expect(await rt.db.batch.count({ where: { announcedAt: null } })).toBe(0);

    // A later sweep finds nothing left to announce.
    await sweepStuckWork(rt.db, sweeper, LATER());
    await settle(rt);
    expect(batchHooks()).toHaveLength(batchIds.length);
  }, 120_000);

  it("leaves alone a batch with unfinished work, and one whose last job has only just ended", async () => {
    const { rt, sweeper, dispatchBatch, endWithoutAnnouncing, drain } = await start();
    const running = await dispatchBatch(2, 0);
    await endWithoutAnnouncing(running.jobIds.slice(0, 1));
    const fresh = await dispatchBatch(1, 1);
    await endWithoutAnnouncing(fresh.jobIds);

    const read = (batchId: string) => rt.db.batch.findUniqueOrThrow({ where: { id: batchId } });
    // The sweep at the current time: the fresh batch's own job may still be announcing it.
    await sweepStuckWork(rt.db, sweeper);
    for (const { batchId } of [running, fresh])
      expect(await read(batchId)).toMatchObject({ finishedAt: null, announcedAt: null });
    // Past the grace period, before any deadline of the running batch's unfinished job.
    await sweepStuckWork(rt.db, sweeper, new Date(Date.now() + 90_000));
    expect(await read(running.batchId)).toMatchObject({ finishedAt: null, announcedAt: null });
    const ended = await read(fresh.batchId);
    expect(ended.finishedAt).not.toBeNull();
    expect(ended.announcedAt).not.toBeNull();
    expect(await rt.db.webhookDelivery.count({ where: { batchId: fresh.batchId } })).toBe(1);
    await drain();
  }, 120_000);
});
