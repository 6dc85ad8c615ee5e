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
import { sweepStuckWork, type SweeperOptions } from "./fail-stuck-jobs";

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1", eval_enabled: false } as const;
/** Later than every deadline and grace period, so the sweep looks at everything. */
const LATER = () => new Date(Date.now() + 10 * 60_000);

// A crash right after a cancel or a sweeper timeout (neither retried by the engine) is simulated
// by ending the job with the bare fail-and-refund statement: nothing announces the job after it,
// and its own run, once released, finds it terminal and stops without announcing either.
describe.each(testDatabaseKinds())("the sweeper and unannounced jobs on %s", (kind) => {
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

  /** A runtime whose renders wait, a client with a webhook endpoint, and the sweep's wiring. */
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
    const dispatch = async (seed: number) => {
      const accepted = await callApi(rt, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec({ ...SMALL, image_model: "held", seed }),
      });
      expect(accepted.status).toBe(202);
      return accepted.body.job_id as string;
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
    const jobHooks = () =>
      hooks.received
        .map((hook) => JSON.parse(hook.body) as { type: string; data: { public_id: string } })
        .filter((payload) => payload.type.startsWith("job."));
    const read = (jobId: string) => rt.db.job.findUniqueOrThrow({ where: { id: jobId } });
    return { rt, sweeper, dispatch, endWithoutAnnouncing, drain, jobHooks, read };
  }

  it("announces job.failed for a job that ended just before a crash", async () => {
    const { rt, sweeper, dispatch, endWithoutAnnouncing, drain, jobHooks, read } = await start();
    const jobId = await dispatch(1);
    await endWithoutAnnouncing([jobId]);
    await drain();
    // The job is terminal, and nothing but a sweep will ever announce it.
    expect(await read(jobId)).toMatchObject({ status: "FAILURE", announcedAt: null });
    expect(jobHooks()).toEqual([]);

    await sweepStuckWork(rt.db, sweeper, LATER());
    await settle(rt);

    expect((await read(jobId)).announcedAt).not.toBeNull();
    expect(jobHooks()).toMatchObject([
      { type: "job.failed", data: { public_id: jobId, status: "FAILURE" } },
    ]);
  }, 120_000);

  it("announces each job once when two instances sweep at the same moment", async () => {
    const { rt, sweeper, dispatch, endWithoutAnnouncing, drain, jobHooks } = await start();
    const jobIds: string[] = [];
    for (let seed = 0; seed < 6; seed += 1) jobIds.push(await dispatch(seed));
    await endWithoutAnnouncing(jobIds);
    await drain();

    const now = LATER();
    const seen: string[] = [];
    const counted: SweeperOptions = {
      ...sweeper,
      onJobEnded: async (jobId) => {
        seen.push(jobId);
        await sweeper.onJobEnded!(jobId);
      },
    };
    await Promise.all([sweepStuckWork(rt.db, counted, now), sweepStuckWork(rt.db, counted, now)]);
    await settle(rt);
    // Both sweeps did take up the same jobs (the race this test is about).
    expect(seen.length).toBeGreaterThan(jobIds.length);

    for (const jobId of jobIds)
      expect(await rt.db.webhookDelivery.count({ where: { jobId } })).toBe(1);
    expect(
      jobHooks()
        .map((payload) => payload.data.public_id)
        .sort(),
    ).toEqual([...jobIds].sort());
    expect(await rt.db.job.count({ where: { announcedAt: null } })).toBe(0);

    // A later sweep finds nothing left to announce.
    await sweepStuckWork(rt.db, sweeper, LATER());
    await settle(rt);
    expect(jobHooks()).toHaveLength(jobIds.length);
  }, 120_000);

  it("leaves a job that has only just ended to its own announcement, and never repeats one", async () => {
    const { rt, sweeper, dispatch, endWithoutAnnouncing, drain, jobHooks, read } = await start();
    const fresh = await dispatch(1);
    const succeeding = await dispatch(2);
    await endWithoutAnnouncing([fresh]);

    // The sweep at the current time: the fresh job's own announcement may still be under way.
    await sweepStuckWork(rt.db, sweeper);
    expect((await read(fresh)).announcedAt).toBeNull();
    // The other job succeeds and announces itself.
    await drain();
    expect(await read(succeeding)).toMatchObject({ status: "SUCCESS" });
    expect((await read(succeeding)).announcedAt).not.toBeNull();

    // Past the grace period: the fresh one is announced, the succeeded one not again.
    await sweepStuckWork(rt.db, sweeper, new Date(Date.now() + 90_000));
    await settle(rt);
    expect((await read(fresh)).announcedAt).not.toBeNull();
    expect(
      jobHooks()
        .map((payload) => `${payload.type} ${payload.data.public_id}`)
        .sort(),
    ).toEqual([`job.failed ${fresh}`, `job.succeeded ${succeeding}`].sort());
  }, 120_000);
});
