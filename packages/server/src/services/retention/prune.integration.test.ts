import { testDatabaseKinds } from "@garment/db";
import { InngestTestEngine } from "@inngest/test";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../../test/harness";
import { seedJobs, seedRequestLogs } from "../../../test/seed-lists";
import { DEFAULT_RETENTION } from "../../config/api-settings";
import { createRetentionFunction } from "../../workflows/retention/function";
import {
  pruneFinishedRuns,
  pruneIdempotencyKeys,
  pruneOrphanArtifacts,
  pruneRequestLogs,
} from "./prune";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDatabaseKinds())("retention on %s", (kind) => {
  let runtime: TestRuntime;
  let clientId: string;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);

  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
    clientId = (await createTestClient(runtime, 100)).client_id;
  }, 300_000);
  afterAll(async () => {
    await runtime.close();
  });

  it("prunes request logs older than the period, and only those", async () => {
    await seedRequestLogs(runtime.db, {
      clientId,
      rows: 12,
      prefix: "OLDLOG",
      newest: ago(31 * DAY),
    });
    await seedRequestLogs(runtime.db, {
      clientId,
      rows: 7,
      prefix: "NEWLOG",
      newest: ago(29 * DAY),
    });
    expect(await pruneRequestLogs(runtime.db, ago(30 * DAY))).toBe(12);
    const left = await runtime.db.requestLog.findMany({ where: { id: { startsWith: "OLDLOG" } } });
    expect(left).toHaveLength(0);
    expect(await runtime.db.requestLog.count({ where: { id: { startsWith: "NEWLOG" } } })).toBe(7);
  });

  it("prunes idempotency keys only past their 24 h replay window, whatever is configured", async () => {
    const key = (name: string, createdAt: Date) => ({
      clientId,
      mode: "live" as const,
      key: name,
      bodyHash: "h",
      requestId: `req-${name}`,
      jobId: `job-${name}`,
      creditsCost: 5,
      createdAt,
    });
    await runtime.db.idempotencyKey.createMany({
      data: [key("expired", ago(30 * HOUR)), key("replayable", ago(2 * HOUR))],
    });
    // Configured to one hour: the key two hours old can still be replayed, so it stays.
    expect(await pruneIdempotencyKeys(runtime.db, ago(HOUR), now)).toBe(1);
    const left = await runtime.db.idempotencyKey.findMany({ where: { clientId } });
    expect(left.map((k) => k.key)).toEqual(["replayable"]);
  });

  it("prunes finished workflow runs past the period, never a queued or running one", async () => {
    const run = (id: string, status: string, updatedAt: Date) => ({
      id,
      functionId: "garment-studio-retention-test",
      eventId: id,
      event: {},
      status,
      updatedAt,
    });
    await runtime.db.workflowRun.createMany({
      data: [
        run("run-completed-old", "completed", ago(8 * DAY)),
        run("run-failed-old", "failed", ago(8 * DAY)),
        run("run-running-old", "running", ago(8 * DAY)),
        run("run-queued-old", "queued", ago(8 * DAY)),
        run("run-completed-new", "completed", ago(6 * DAY)),
      ],
    });
    expect(await pruneFinishedRuns(runtime.db, ago(7 * DAY))).toBe(2);
    const left = await runtime.db.workflowRun.findMany({
      where: { functionId: "garment-studio-retention-test" },
      orderBy: { id: "asc" },
    });
    expect(left.map((r) => r.id)).toEqual([
      "run-completed-new",
      "run-queued-old",
      "run-running-old",
    ]);
  });

  async function jobWithImage(prefix: string, status: "SUCCESS" | "FAILURE", endedAt: Date) {
    await seedJobs(runtime.db, { clientId, rows: 1, prefix, newest: endedAt });
    const job = await runtime.db.job.findFirstOrThrow({ where: { id: { startsWith: prefix } } });
    await runtime.db.job.update({ where: { id: job.id }, data: { status, updatedAt: endedAt } });
    const storageKey = `jobs/${job.id}/render-0.png`;
    await runtime.storage.put(storageKey, new Uint8Array([137, 80, 78, 71]), "image/png");
    await runtime.db.artifact.create({
      data: {
        id: `${prefix}-ART`,
        jobId: job.id,
        kind: "catalog_image",
        role: "intermediate",
        storageKey,
        contentType: "image/png",
        width: 1,
        height: 1,
      },
    });
    return storageKey;
  }

  it("prunes a refunded job's renders (bytes and row) after the period; a paid job keeps its own", async () => {
    const refundedOld = await jobWithImage("RFOLD", "FAILURE", ago(2 * DAY));
    const refundedNew = await jobWithImage("RFNEW", "FAILURE", ago(HOUR));
    const paidOld = await jobWithImage("PAIDOLD", "SUCCESS", ago(40 * DAY));
    expect(await pruneOrphanArtifacts(runtime.db, runtime.storage, ago(DAY))).toBe(1);
    expect(await runtime.storage.open(refundedOld)).toBeNull();
    expect(await runtime.db.artifact.findUnique({ where: { id: "RFOLD-ART" } })).toBeNull();
    expect(await runtime.storage.open(refundedNew)).not.toBeNull();
    expect(await runtime.storage.open(paidOld)).not.toBeNull();
    expect(
      await runtime.db.artifact.count({ where: { id: { in: ["RFNEW-ART", "PAIDOLD-ART"] } } }),
    ).toBe(2);
  });

  it("the retention function runs on its cron and prunes each kind after its configured period", async () => {
    await seedRequestLogs(runtime.db, { clientId, rows: 3, prefix: "FNLOG", newest: ago(3 * DAY) });
    const fn = createRetentionFunction(new Inngest({ id: "retention-test", isDev: true }), {
      db: runtime.db,
      storage: runtime.storage,
      settings: { ...DEFAULT_RETENTION, requestLogsDays: 2, schedule: "5 4 * * *" },
    });
    expect(fn.opts.triggers).toEqual([{ cron: "5 4 * * *" }]);
    await seedRequestLogs(runtime.db, { clientId, rows: 2, prefix: "FNKEEP", newest: ago(DAY) });
    const { result } = await new InngestTestEngine({ function: fn }).execute();
    expect((result as { requestLogs: number }).requestLogs).toBeGreaterThanOrEqual(3);
    expect(await runtime.db.requestLog.count({ where: { id: { startsWith: "FNLOG" } } })).toBe(0);
    expect(await runtime.db.requestLog.count({ where: { id: { startsWith: "FNKEEP" } } })).toBe(2);
  });
});
