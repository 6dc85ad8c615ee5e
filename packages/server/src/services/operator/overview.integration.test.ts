import { testDatabaseKinds } from "@garment/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { failJobAndRefund } from "../credits/fail-and-refund";
import { getOperatorOverview } from "./overview";

describe.each(testDatabaseKinds())("the operator's overview on %s", (kind) => {
  let runtime: TestRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  it("shows the queue, the runs per client, the last failures and the refund rate, ", async () => {
    // A hand-off nobody relays: dispatched jobs wait, their events in the outbox.
    runtime = await createTestRuntime(kind);
    const busy = await createTestClient(runtime, 100, "Busy Boutique");
    const quiet = await createTestClient(runtime, 100, "Quiet Atelier");
    const dispatch = async (key: string) => {
      const accepted = await callApi(runtime!, "POST", "/v1/complementary-garment-generator", {
        key,
        body: validSpec(),
      });
      expect(accepted.status).toBe(202);
      return accepted.body as { job_id: string; credits_cost: number };
    };
    const running = await dispatch(busy.api_key);
    await dispatch(busy.api_key);
    const failed = await dispatch(quiet.api_key);
    const succeeded = await dispatch(quiet.api_key);
    await runtime.db.job.update({ where: { id: running.job_id }, data: { status: "IN_PROGRESS" } });
    // As the workflow's last step writes it: a finished job has its finished_at.
    await runtime.db.job.update({
      where: { id: succeeded.job_id },
      data: { status: "SUCCESS", finishedAt: new Date() },
    });
    await failJobAndRefund(runtime.db, {
      jobId: failed.job_id,
      reason: "evaluation_failed",
      message: "no render passed",
    });

    // Who may see it (the operator role) is its operation's audience: see operation-switch's test.
    const view = await getOperatorOverview(runtime.db);
    expect(view.queue).toMatchObject({ queuedJobs: 1, jobsInProgress: 1, outboxPending: 4 });
    expect(view.clients).toEqual([
      { clientId: busy.client_id, name: "Busy Boutique", running: 1, queued: 1 },
    ]);
    expect(view.recentFailures).toEqual([
      expect.objectContaining({
        jobId: failed.job_id,
        clientName: "Quiet Atelier",
        mode: "live",
        reason: "evaluation_failed",
        creditsRefunded: failed.credits_cost,
      }),
    ]);
    expect(view.lastDay).toEqual({
      succeeded: 1,
      failed: 1,
      refundRate: 0.5,
      creditsRefunded: failed.credits_cost,
      byReason: [{ reason: "evaluation_failed", jobs: 1 }],
    });
    // The figures are the charts' buckets summed: they agree with what the charts draw.
    const charted = view.timeline.reduce(
      (sum, bucket) => ({
        finished: sum.finished + bucket.finished,
        failed: sum.failed + bucket.failed,
        refunded: sum.refunded + bucket.creditsRefunded,
      }),
      { finished: 0, failed: 0, refunded: 0 },
    );
    expect(charted).toEqual({ finished: 2, failed: 1, refunded: failed.credits_cost });
  }, 120_000);
});
