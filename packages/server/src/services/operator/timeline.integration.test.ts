import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { readOperatorTimeline, TIMELINE_BUCKETS } from "./timeline";

const NOW = new Date("2026-12-03T12:00:00.000Z");
const at = (iso: string) => new Date(`2026-12-03T${iso}:00.000Z`);

describe.each(testDatabaseKinds())("the operator's 24 h timeline on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("buckets queue depth, jobs per minute and failures by reason", async () => {
    const client = await createTestClient(runtime, 1000);
    const jobs: string[] = [];
    let price = 0;
    for (let n = 0; n < 4; n++) {
      const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec(),
      });
      expect(accepted.status).toBe(202);
      const body = accepted.body as { job_id: string; credits_cost: number };
      jobs.push(body.job_id);
      price = body.credits_cost;
    }
    const set = (id: string, data: Record<string, unknown>) =>
      runtime.db.job.update({ where: { id }, data });
    // Accepted 10:05, started 10:20, succeeded 10:40.
    await set(jobs[0]!, {
      createdAt: at("10:05"),
      startedAt: at("10:20"),
      finishedAt: at("10:40"),
      status: "SUCCESS",
    });
    // Accepted 10:10, failed 10:35 (evaluation), never started: queued through 10:30's end.
    await set(jobs[1]!, {
      createdAt: at("10:10"),
      finishedAt: at("10:35"),
      status: "FAILURE",
      failureReason: "evaluation_failed",
    });
    await set(jobs[2]!, {
      createdAt: at("10:50"),
      startedAt: at("10:51"),
      finishedAt: at("10:55"),
      status: "FAILURE",
      failureReason: "render_failed",
    });
    // Accepted yesterday, outside the window, still queued: counts in the depth everywhere.
    await set(jobs[3]!, { createdAt: new Date(NOW.getTime() - 30 * 3600_000) });

    const timeline = await readOperatorTimeline(runtime.db, NOW);
    expect(timeline).toHaveLength(TIMELINE_BUCKETS);
    expect(timeline[0]!.start.toISOString()).toBe("2026-12-02T12:00:00.000Z");
    const bucket = (hhmm: string) =>
      timeline.find((b) => b.start.getTime() === at(hhmm).getTime())!;

    expect(bucket("09:45")).toMatchObject({ queued: 1, finished: 0, failed: 0 });
    expect(bucket("10:00")).toMatchObject({ queued: 3, dispatchedPerMinute: 2 / 15, finished: 0 });
    expect(bucket("10:15")).toMatchObject({ queued: 2, dispatchedPerMinute: 0, finished: 0 });
    expect(bucket("10:30")).toMatchObject({
      queued: 1,
      finished: 2,
      finishedPerMinute: 2 / 15,
      failed: 1,
      failedByReason: { evaluation_failed: 1 },
      creditsRefunded: price,
    });
    expect(bucket("10:45")).toMatchObject({
      queued: 1,
      dispatchedPerMinute: 1 / 15,
      finished: 1,
      failed: 1,
      failedByReason: { render_failed: 1 },
      creditsRefunded: price,
    });
    expect(bucket("11:45")).toMatchObject({
      queued: 1,
      finished: 0,
      failedByReason: {},
      creditsRefunded: 0,
    });
  });
});
