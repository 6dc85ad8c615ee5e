import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { DEFAULT_FAIRNESS } from "../../config/api-settings";
import { getBalance, ledgerSum } from "../../services/credits/balance";

const JOBS = 200;

describe.each(testDatabaseKinds())("200 jobs at once on %s (embedded runner)", (kind) => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    // One client's 200 jobs, all of the runner's slots at once: no per-client limit here.
    runtime = await createWorkflowTestRuntime(kind, {
      settings: { fairness: { ...DEFAULT_FAIRNESS, clientConcurrency: 0 } },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("completes every job exactly once, losing and duplicating none", async () => {
    const client = await createTestClient(runtime, JOBS * 5);
    const accepted = await Promise.all(
      Array.from({ length: JOBS }, (_, i) =>
        callApi(runtime, "POST", "/v1/complementary-garment-generator", {
          key: client.api_key,
          body: validSpec({
            seed: i,
            resolution: "0.5K",
            color: ["navy", "camel", "burgundy", "sage"][i % 4] ?? "navy",
          }),
        }),
      ),
    );
    expect(accepted.every((r) => r.status === 202)).toBe(true);
    await settle(runtime, 600_000);

    // Every job ends exactly once: SUCCESS with one `succeeded` event, or FAILURE with one
    // `failed` event and one refund. (Whether renders pass evaluation is pinned elsewhere.)
    const jobs = await runtime.db.job.findMany({
      where: { clientId: client.client_id },
      select: { id: true, status: true, creditsCost: true, requestId: true },
    });
    expect(jobs).toHaveLength(JOBS);
    expect(jobs.every((j) => j.status === "SUCCESS" || j.status === "FAILURE")).toBe(true);
    const runs = await runtime.db.workflowRun.findMany({
      select: { eventId: true, status: true, functionId: true },
    });
    const generationRuns = runs.filter((r) =>
      r.functionId.endsWith("complementary-garment-generator"),
    );
    expect(generationRuns).toHaveLength(JOBS);
    expect(new Set(generationRuns.map((r) => r.eventId)).size).toBe(JOBS);
    expect(generationRuns.every((r) => r.status === "completed")).toBe(true);
    const terminal = await runtime.db.jobEvent.groupBy({
      by: ["jobId"],
      where: { eventType: { in: ["succeeded", "failed"] } },
      _count: true,
    });
    expect(terminal).toHaveLength(JOBS);
    expect(terminal.every((row) => row._count === 1)).toBe(true);
    const succeeded = jobs.filter((j) => j.status === "SUCCESS").length;
    expect(await runtime.db.catalogEntry.count({ where: { clientId: client.client_id } })).toBe(
      succeeded,
    );
    expect(
      await runtime.db.creditLedgerEntry.count({
        where: { clientId: client.client_id, kind: "refund" },
      }),
    ).toBe(JOBS - succeeded);
    const expectedBalance = (JOBS - succeeded) * 5;
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(expectedBalance);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(expectedBalance);
  }, 900_000);
});
