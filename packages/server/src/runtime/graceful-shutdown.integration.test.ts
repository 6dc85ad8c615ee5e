import {
  openDatabase,
  openTestDatabase,
  testDatabaseKinds,
  type DatabaseHandle,
} from "@garment/db";
import { spawn } from "node:child_process";
import { request as httpRequest, type ClientRequest } from "node:http";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validSpec } from "../../test/harness";
import { createWorkflowTestRuntime, ScriptedModel, settle } from "../../test/workflow-harness";
import { getBalance, ledgerSum } from "../services/credits/balance";
import { createClient } from "../services/clients/create-client";

const GRACE_MS = 4_000;
const DISPATCH = "/v1/complementary-garment-generator";

/** A dispatch whose headers are sent now and whose body only when `finish` is called. */
function heldDispatch(port: number, key: string) {
  const body = JSON.stringify(validSpec({ image_model: "slow", resolution: "0.5K" }));
  let req!: ClientRequest;
  const answered = new Promise<number>((resolve, reject) => {
    req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: DISPATCH,
        method: "POST",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.flushHeaders();
  });
  return { answered, finish: () => req.end(body) };
}

async function readiness(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
  return {
    status: response.status,
    body: (await response.json()) as { reasons: string[]; requests_in_flight: number },
  };
}

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Two instances need a shared database: PostgreSQL only.
describe.runIf(testDatabaseKinds().includes("postgres"))("SIGTERM under load", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(() => database.close());

  it("answers every request in flight, then hands its runs to the other instance at once", async () => {
    const client = await createClient(database.db, { name: "Shutdown", credits: 500 });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("test/shutdown-child.ts"), database.url!, String(GRACE_MS)],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: "silent" } },
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      void exited.then((code) => reject(new Error(`child exited early with ${code}`)));
    });
    const { port } = JSON.parse(line) as { port: number };

    // Load: three renders that hang (two executing, the concurrency; one queued)…
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`http://127.0.0.1:${port}${DISPATCH}`, {
        method: "POST",
        headers: { authorization: `Bearer ${client.api_key}`, "content-type": "application/json" },
        body: JSON.stringify(validSpec({ image_model: "slow", resolution: "0.5K", seed: i })),
      });
      expect(response.status).toBe(202);
    }
    await eventually(
      () => database.db.workflowRun.count({ where: { status: "running" } }),
      (running) => running === 2,
    );
    // …and three requests in flight: headers in, body not yet.
    const held = Array.from({ length: 3 }, () => heldDispatch(port, client.api_key));
    await eventually(
      () => readiness(port),
      (ready) => ready.body.requests_in_flight === 3,
    );

    const signalled = Date.now();
    child.kill("SIGTERM");
    // Not ready at once, while still answering.
    const draining = await eventually(
      () => readiness(port),
      (ready) => ready.status === 503,
      2_000,
    );
    expect(draining.body.reasons).toContain("shutting down");

    for (const request of held) request.finish();
    expect(await Promise.all(held.map((request) => request.answered))).toEqual(Array(3).fill(202));
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS + 2_000);

    // Nothing is left leased by the instance that went: its runs are claimable now, not in 60 s.
    // The generations: the retention cron's next tick is a (queued) run of its own.
    const runs = await database.db.workflowRun.findMany({
      where: { functionId: { endsWith: "complementary-garment-generator" } },
    });
    expect(runs).toHaveLength(6);
    expect(runs.filter((run) => run.status === "running" || run.lockedBy !== null)).toEqual([]);

    // The other instance (here, this process) resumes them at once and finishes every job once.
    const other = await createWorkflowTestRuntime("postgres", {
      database: await openDatabase({ url: database.url!, migrate: false }),
      leaseMs: 60_000,
      models: (builtin) => [new ScriptedModel("slow", builtin, 0)],
    });
    try {
      await settle(other, 100_000);
    } finally {
      await other.close();
    }
    const jobs = await database.db.job.findMany();
    expect(jobs.map((job) => job.status)).toEqual(Array(6).fill("SUCCESS"));
    expect(await getBalance(database.db, client.client_id, "live")).toBe(500 - 6 * 5);
    expect(await ledgerSum(database.db, client.client_id, "live")).toBe(500 - 6 * 5);
  }, 240_000);
});
