import { createHash } from "node:crypto";
import {
  type DatabaseHandle,
  openDatabase,
  openTestDatabase,
  testDatabaseKinds,
} from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aNewRun,
  createTestClient,
  createTestRunner,
  describeKeyedConcurrency,
  describeRunStoreContract,
} from "@garment/inngest-runner/testing";
import { emptyProgress } from "@garment/inngest-runner";
import { Prisma } from "@garment/db";
import { insertRunsSql, PrismaRunStore } from "./prisma-run-store";

describe.each(testDatabaseKinds())("PrismaRunStore on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function emptyStore() {
    await handle.db.$executeRaw`DELETE FROM workflow_runs`;
    await handle.db.$executeRaw`DELETE FROM workflow_cron_schedules`;
    return new PrismaRunStore(handle.db);
  }

  describeRunStoreContract(`PrismaRunStore (${kind})`, emptyStore);

  // Two runners ("instances"): on PostgreSQL each with its own connection pool, so the limit can
  // only hold through the claim in the database; PGlite is one process's database.
  describeKeyedConcurrency(
    `PrismaRunStore (${kind})`,
    createTestClient(`keyed-${kind}`),
    async () => {
      await emptyStore();
      if (kind !== "postgres") {
        return { stores: [new PrismaRunStore(handle.db), new PrismaRunStore(handle.db)] };
      }
      const instances = await Promise.all(
        [1, 2].map(() => openDatabase({ url: handle.url ?? "", migrate: false })),
      );
      return {
        stores: instances.map((instance) => new PrismaRunStore(instance.db)),
        close: async () => {
          await Promise.all(instances.map((instance) => instance.close()));
        },
      };
    },
  );

  it("creates runs inside a caller's statement exactly as createIfAbsent does, only when the guard holds", async () => {
    const store = await emptyStore();
    const slots = [
      { key: "fn:client-a", limit: 2 },
      { key: "fn:cpu", limit: 4 },
    ];
    const inStatement = aNewRun({ concurrency: slots });
    const byStore = aNewRun({ concurrency: slots });
    const refused = aNewRun();
    await handle.db
      .$executeRaw`WITH hand_off AS (${insertRunsSql([inStatement], Prisma.sql`TRUE`)}) SELECT 1`;
    await handle.db
      .$executeRaw`WITH hand_off AS (${insertRunsSql([refused], Prisma.sql`FALSE`)}) SELECT 1`;
    await store.createIfAbsent(byStore);
    const written = await store.get(inStatement.id);
    const created = await store.get(byStore.id);
    const comparable = (run: typeof written) => {
      const { id: _id, eventId: _eventId, event, createdAt: _c, updatedAt: _u, ...rest } = run!;
      return { ...rest, event: { ...event, id: "x" } };
    };
    expect(comparable(written)).toEqual(comparable(created));
    expect(await store.get(refused.id)).toBeUndefined();
    // A second hand-off of the same event leaves the one run alone.
    const again = { ...inStatement, id: "another-run-id" };
    await handle.db
      .$executeRaw`WITH hand_off AS (${insertRunsSql([again], Prisma.sql`TRUE`)}) SELECT 1`;
    expect(await store.get("another-run-id")).toBeUndefined();
  });

  it("gives each due run to exactly one of several concurrent claimers", async () => {
    const store = await emptyStore();
    const runs = 40;
    for (let i = 0; i < runs; i += 1) await store.createIfAbsent(aNewRun());
    const now = new Date("2026-01-01T00:00:01.000Z");
    const claims = await Promise.all(
      ["a", "b", "c", "d"].map((owner) =>
        store.claimDue({
          owner,
          limit: 15,
          now,
          leaseUntil: new Date(now.getTime() + 60_000),
          functionIds: ["app-fn"],
        }),
      ),
    );
    const claimedIds = claims.flat().map((run) => run.id);
    expect(claimedIds).toHaveLength(runs);
    expect(new Set(claimedIds).size).toBe(runs);
  });

  it.runIf(kind === "postgres")(
    "never lets claimers in separate processes exceed a concurrency key's limit",
    async () => {
      await emptyStore();
      // Four connection pools stand for four app instances on one PostgreSQL.
      const instances = await Promise.all(
        [1, 2, 3, 4].map(() => openDatabase({ url: handle.url ?? "", migrate: false })),
      );
      try {
        const stores = instances.map((instance) => new PrismaRunStore(instance.db));
        const keys = ["a", "b", "c"].map((client) => ({
          key: `fn:app-fn:key:${client}`,
          limit: 2,
        }));
        const runs = 60;
        for (let i = 0; i < runs; i += 1) {
          await stores[0]?.createIfAbsent(aNewRun({ concurrency: keys.slice(i % 3, (i % 3) + 1) }));
        }
        const claimedOnce = new Set<string>();
        let carried: { id: string; lockedBy: string | null }[] = [];
        let now = new Date("2026-01-01T00:00:01.000Z");
        for (let round = 0; claimedOnce.size < runs && round < 60; round += 1) {
          now = new Date(now.getTime() + 1_000);
          const claims = await Promise.all(
            stores.map((store, i) =>
              store.claimDue({
                owner: `instance-${i}`,
                limit: 5,
                now,
                leaseUntil: new Date(now.getTime() + 60_000),
                functionIds: ["app-fn"],
              }),
            ),
          );
          const claimed = claims.flat();
          // What the database itself says is executing, per key, after the concurrent claims.
          const executing = await handle.db.$queryRaw<{ key: string; n: number }[]>`
            SELECT k AS key, count(*)::int AS n FROM workflow_runs, unnest(concurrency_keys) AS k
            WHERE status = 'running' GROUP BY k`;
          for (const { n } of executing) expect(n).toBeLessThanOrEqual(2);
          expect(claimed.length).toBeLessThanOrEqual(6);
          for (const run of claimed) {
            expect(claimedOnce.has(run.id)).toBe(false);
            claimedOnce.add(run.id);
          }
          // Half of what executes finishes before the next round, the rest during the round
          // after, so claims always race with runs already holding slots.
          const finishing = [...carried, ...claimed.filter((_, i) => i % 2 === 0)];
          carried = claimed.filter((_, i) => i % 2 === 1);
          for (const run of finishing) {
            await stores[0]?.complete(run.id, run.lockedBy ?? "", emptyProgress(), null);
          }
        }
        expect(claimedOnce.size).toBe(runs);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    },
  );

  describe("driving real functions", () => {
    const client = createTestClient(`prisma-${kind}`);

    it("completes a multi-step run and runs onFailure for a failing one", async () => {
      const store = await emptyStore();
      const calls = { a: 0, b: 0, refund: 0 };
      const fn = client.createFunction(
        {
          id: "generate",
          triggers: [{ event: "test/generate" }],
          retries: 1,
          onFailure: async ({ step }) => step.run("refund", () => void (calls.refund += 1)),
        },
        async ({ event, step }) => {
          const a = await step.run("a", () => ++calls.a);
          const b = await step.run("b", () => {
            calls.b += 1;
            if (event.data.fail) throw new Error("render failed");
            return { at: new Date(0) };
          });
          return { a, b };
        },
      );
      const { runner } = createTestRunner([fn], { client, store });
      await runner.start();
      try {
        const ok = await runner.send({ id: "ok", name: "test/generate", data: {} });
        const bad = await runner.send({ id: "bad", name: "test/generate", data: { fail: true } });
        await runner.waitForIdle({ timeoutMs: 20_000 });

        expect(await store.get(ok.runIds[0] ?? "")).toMatchObject({
          status: "completed",
          // JSON-serialised like Inngest's memoization: the Date comes back as a string.
          output: { a: 1, b: { at: "1970-01-01T00:00:00.000Z" } },
        });
        expect(await store.get(bad.runIds[0] ?? "")).toMatchObject({
          status: "failed",
          error: { message: expect.stringContaining("render failed") },
        });
        expect(calls).toEqual({ a: 2, b: 3, refund: 1 });
      } finally {
        await runner.stop();
      }
    });

    it("shares runs between two runners on one database without running a step twice", async () => {
      const store = await emptyStore();
      const executions = new Map<string, number>();
      const fn = client.createFunction(
        { id: "shared", triggers: [{ event: "test/shared" }] },
        async ({ event, step }) => {
          await step.run("count", () => {
            executions.set(event.id ?? "", (executions.get(event.id ?? "") ?? 0) + 1);
          });
          await step.run("finish", () => null);
        },
      );
      const runners = ["one", "two"].map(
        (runnerId) =>
          createTestRunner([fn], { client, store: new PrismaRunStore(handle.db), runnerId }).runner,
      );
      await Promise.all(runners.map((runner) => runner.start()));
      try {
        const events = 20;
        for (let i = 0; i < events; i += 1) {
          await runners[i % 2]?.send({ id: `shared-${i}`, name: "test/shared", data: {} });
        }
        await Promise.all(runners.map((runner) => runner.waitForIdle({ timeoutMs: 30_000 })));

        expect(executions.size).toBe(events);
        expect([...executions.values()].every((count) => count === 1)).toBe(true);
        expect(await store.countUnfinished(new Date())).toBe(0);
      } finally {
        await Promise.all(runners.map((runner) => runner.stop()));
      }
    });

    it("resumes a run whose process died, from its memoized steps", async () => {
      const store = await emptyStore();
      const calls = { first: 0, second: 0 };
      const fn = client.createFunction(
        { id: "resume", triggers: [{ event: "test/resume" }] },
        async ({ step }) => {
          await step.run("first", () => void (calls.first += 1));
          await step.run("second", () => void (calls.second += 1));
          return "done";
        },
      );
      // Stand-in for a dead process: it claimed the run, saved step 1 and vanished.
      const { run } = await store.createIfAbsent(
        aNewRun({
          functionId: fn.id(client.id),
          eventId: "evt-resume",
          event: { id: "evt-resume", name: "test/resume", data: {}, ts: Date.now() },
          nextRunAt: new Date(),
        }),
      );
      const [claimed] = await store.claimDue({
        owner: "dead-process",
        limit: 1,
        now: new Date(),
        leaseUntil: new Date(Date.now() + 300),
        functionIds: [fn.id(client.id)],
      });
      expect(claimed?.id).toBe(run.id);
      // Step 1's memoized result (keyed by the SHA-1 of its id), as the dead process saved it.
      await store.saveProgress(
        run.id,
        "dead-process",
        {
          steps: { [sha1("first")]: { data: null } },
          stack: [sha1("first")],
          attempt: 0,
          pendingStep: null,
          disableImmediateExecution: false,
          sleeps: {},
        },
        new Date(Date.now() + 300),
        new Date(),
      );

      const { runner } = createTestRunner([fn], { client, store, leaseMs: 300 });
      await runner.start();
      try {
        await runner.waitForIdle({ timeoutMs: 10_000 });
        expect(calls).toEqual({ first: 0, second: 1 });
        expect(await store.get(run.id)).toMatchObject({ status: "completed", output: "done" });
      } finally {
        await runner.stop();
      }
    });
  });
});

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
