// A function's keyed `concurrency`, driven end to end through runners that share one store (as
// app instances share one database): run against each store implementation by its own test file.
import type { Inngest } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedRunner } from "../runner";
import type { RunStore } from "../stores/run-store";
import { createTestRunner, eventually } from "./test-kit";

const LIMIT = 2;
const BUSY_RUNS = 12;
const RUNNER_SLOTS = 4;

/**
 * `stores` is called once per test and returns one store per runner ("instance"), each with no
 * runs, all over the same data.
 */
export function describeKeyedConcurrency(
  name: string,
  client: Inngest.Any,
  stores: () => Promise<{ stores: RunStore[]; close?: () => Promise<void> }>,
) {
  describe(`${name}: concurrency keyed by event.data.clientId`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it(`never runs more than ${LIMIT} of one key at once across runners, and a late key overtakes a busy backlog`, async () => {
      const active = new Map<string, number>();
      const maxActive = new Map<string, number>();
      const finished: string[] = [];
      let maxTotal = 0;
      let total = 0;
      const fn = client.createFunction(
        {
          id: "keyed-work",
          triggers: [{ event: "test/keyed-work" }],
          concurrency: [{ key: "event.data.clientId", limit: LIMIT }],
        },
        async ({ event, step }) => {
          const clientId = (event.data as { clientId: string }).clientId;
          await step.run("work", async () => {
            const now = (active.get(clientId) ?? 0) + 1;
            active.set(clientId, now);
            total += 1;
            maxActive.set(clientId, Math.max(maxActive.get(clientId) ?? 0, now));
            maxTotal = Math.max(maxTotal, total);
            await new Promise((resolve) => setTimeout(resolve, 100));
            active.set(clientId, (active.get(clientId) ?? 1) - 1);
            total -= 1;
          });
          // A second call: the run keeps its slot between its steps, as it keeps its lease.
          await step.run("finish", () => finished.push(clientId));
        },
      );
      const { stores: shared, close } = await stores();
      if (close) cleanups.push(close);
      const runners: EmbeddedRunner[] = shared.map(
        (store, i) =>
          createTestRunner([fn], {
            client,
            store,
            runnerId: `instance-${i}`,
            concurrency: RUNNER_SLOTS,
          }).runner,
      );
      cleanups.push(async () => {
        await Promise.all(runners.map((runner) => runner.stop()));
      });
      const on = (i: number) => {
        const runner = runners[i % runners.length];
        if (!runner) throw new Error("no runner");
        return runner;
      };

      // The busy key's backlog first, so a runner claiming in due order alone would run the
      // late key's run last.
      for (let i = 0; i < BUSY_RUNS; i += 1) {
        await on(i).send({ id: `busy-${i}`, name: "test/keyed-work", data: { clientId: "busy" } });
      }
      await Promise.all(runners.map((runner) => runner.start()));
      await eventually(() => (active.get("busy") ?? 0) > 0, 10_000);
      await on(1).send({ id: "late-0", name: "test/keyed-work", data: { clientId: "late" } });
      await eventually(() => finished.includes("late"), 20_000);
      const busyDoneWhenLateFinished = finished.filter((c) => c === "busy").length;
      await Promise.all(runners.map((runner) => runner.waitForIdle({ timeoutMs: 30_000 })));

      expect(finished.filter((c) => c === "busy")).toHaveLength(BUSY_RUNS);
      // Every runner had free slots, yet the busy key never held more than its limit.
      expect(maxActive.get("busy")).toBe(LIMIT);
      expect(maxActive.get("late")).toBe(1);
      expect(maxTotal).toBeLessThanOrEqual(LIMIT + 1);
      // No head-of-line blocking: the late run finished with most of the backlog still queued.
      expect(busyDoneWhenLateFinished).toBeLessThan(BUSY_RUNS - LIMIT);
    }, 60_000);
  });
}
