import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  handedOffEvents,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { getBalance, ledgerSum } from "../credits/balance";

// Group commit: concurrent dispatches of one client share one statement (one lock of the
// balance row), and still never overdraw, double-count or lose a hand-off.
describe.each(testDatabaseKinds())("dispatch group commit on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  const dispatchMany = (key: string, count: number, seed = 0) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        callApi(runtime, "POST", "/v1/complementary-garment-generator", {
          key,
          body: validSpec({ seed: seed + i }),
        }),
      ),
    );

  it("records 40 concurrent dispatches of one client in fewer statements, each with all its rows", async () => {
    const client = await createTestClient(runtime, 1000);
    const before = runtime.dispatches.statements;
    const results = await dispatchMany(client.api_key, 40);
    expect(results.map((r) => r.status)).toEqual(Array<number>(40).fill(202));
    expect(runtime.dispatches.statements - before).toBeLessThan(40);

    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(1000 - 40 * 5);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(1000 - 40 * 5);
    const requestIds = results.map((r) => r.body.request_id as string);
    const jobIds = results.map((r) => r.body.job_id as string);
    expect(new Set(jobIds).size).toBe(40);
    const jobs = await runtime.db.job.findMany({ where: { clientId: client.client_id } });
    expect(jobs.map((j) => j.id).sort()).toEqual([...jobIds].sort());
    for (const job of jobs) expect(requestIds[jobIds.indexOf(job.id)]).toBe(job.requestId);
    const logs = await runtime.db.requestLog.findMany({ where: { clientId: client.client_id } });
    expect(logs).toHaveLength(40);
    expect(logs.every((l) => l.statusCode === 202 && l.creditsMoved === -5)).toBe(true);
    expect(await runtime.db.jobEvent.count({ where: { jobId: { in: jobIds } } })).toBe(40);
    const handedOff = new Set((await handedOffEvents(runtime)).map((e) => e.id));
    expect(requestIds.every((id) => handedOff.has(id))).toBe(true);
  });

  it("accepts exactly as many concurrent dispatches as the credits cover when a batch does not fit", async () => {
    const client = await createTestClient(runtime, 60); // 12 × 5 credits
    const results = await dispatchMany(client.api_key, 30);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(12);
    expect(statuses.filter((s) => s === 402)).toHaveLength(18);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(0);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(0);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(12);
  });

  it("keeps each client's batch to its own balance", async () => {
    const a = await createTestClient(runtime, 100, "A");
    const b = await createTestClient(runtime, 50, "B");
    const [forA, forB] = await Promise.all([
      dispatchMany(a.api_key, 15),
      dispatchMany(b.api_key, 15, 100),
    ]);
    expect(forA.filter((r) => r.status === 202)).toHaveLength(15);
    expect(forB.filter((r) => r.status === 202)).toHaveLength(10);
    expect(await getBalance(runtime.db, a.client_id, "live")).toBe(25);
    expect(await getBalance(runtime.db, b.client_id, "live")).toBe(0);
    expect(await ledgerSum(runtime.db, a.client_id, "live")).toBe(25);
    expect(await ledgerSum(runtime.db, b.client_id, "live")).toBe(0);
  });
});
