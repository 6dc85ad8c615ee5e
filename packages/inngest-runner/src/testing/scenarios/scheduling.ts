// What Inngest decides before a call: concurrency keys (per key, across runners sharing a store)
// and cron ticks (once per tick, with Inngest's scheduled.timer event).
import { describe, expect, it } from "vitest";
import { eventually } from "../test-kit";
import { InMemoryRunStore } from "../../stores/in-memory-run-store";
import { runnersFor, type ScenarioTarget } from "./target";

/** A clock that reads `at` now and runs at real speed from there. */
function clockAt(at: string) {
  const offset = Date.parse(at) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export function schedulingScenarios(target: ScenarioTarget) {
  const { client } = target;
  const start = runnersFor(target);

  describe("scheduling", () => {
    it("holds each concurrency key to its limit across two runners, without blocking other keys", async () => {
      const active = new Map<string, number>();
      const peak = new Map<string, number>();
      let overall = 0;
      let overallPeak = 0;
      const fn = client.createFunction(
        {
          id: "per-client",
          triggers: [{ event: "scenario/per-client" }],
          concurrency: [
            { key: "event.data.clientId", limit: 2 },
            { key: '"renders"', limit: 3, scope: "env" },
          ],
        },
        async ({ event, step }) =>
          step.run("render", async () => {
            const id = String(event.data.clientId);
            active.set(id, (active.get(id) ?? 0) + 1);
            peak.set(id, Math.max(peak.get(id) ?? 0, active.get(id) ?? 0));
            overallPeak = Math.max(overallPeak, ++overall);
            await new Promise((resolve) => setTimeout(resolve, 30));
            active.set(id, (active.get(id) ?? 0) - 1);
            overall -= 1;
          }),
      );
      const store = new InMemoryRunStore();
      const one = await start([fn], { store, concurrency: 8 });
      const two = await start([fn], { store, concurrency: 8 });

      for (let i = 0; i < 8; i += 1) {
        await one.send({ id: `a-${i}`, name: "scenario/per-client", data: { clientId: "a" } });
        await two.send({ id: `b-${i}`, name: "scenario/per-client", data: { clientId: "b" } });
      }
      await one.waitForIdle();
      await two.waitForIdle();

      expect(peak.get("a")).toBe(2);
      expect(peak.get("b")).toBeGreaterThanOrEqual(1);
      expect(peak.get("b")).toBeLessThanOrEqual(2);
      // The shared "renders" key caps both clients together, below the 16 slots of the runners.
      expect(overallPeak).toBe(3);
      expect(store.all().filter((r) => r.status === "completed")).toHaveLength(16);
      expect(store.all()[0]?.concurrency).toEqual([
        { key: `fn:${fn.id(client.id)}:key:a`, limit: 2 },
        { key: "env:key:renders", limit: 3 },
      ]);
    });

    it("runs a cron tick exactly once with two runners on one store, honouring TZ=", async () => {
      const ticks: unknown[] = [];
      const schedule = "TZ=Europe/Paris 0 4 * * *";
      const fn = client.createFunction(
        // 04:00 in Paris is 03:00 UTC in December.
        { id: "nightly", triggers: [{ cron: schedule }] },
        async ({ event, step }) => step.run("prune", () => ticks.push(event)),
      );
      const store = new InMemoryRunStore();
      // Yesterday's tick ran; the runners start 200 ms before today's.
      await store.advanceCron({
        functionId: fn.id(client.id),
        schedule,
        from: null,
        to: new Date("2026-12-02T03:00:00Z"),
        runs: [],
      });
      const clock = clockAt("2026-12-03T02:59:59.800Z");
      const one = await start([fn], { store, clock });
      const two = await start([fn], { store, clock });

      await eventually(() => ticks.length === 1);
      await one.waitForIdle();
      await two.waitForIdle();

      expect(ticks).toEqual([
        expect.objectContaining({
          id: "2026-12-03T03:00:00Z",
          name: "inngest/scheduled.timer",
          data: {
            cron: schedule,
            scheduledAt: "2026-12-03T03:00:00Z",
            fireAt: "2026-12-03T03:00:00Z",
          },
        }),
      ]);
      // The tick that ran, and the next one queued for tomorrow.
      expect(store.all().map((r) => [r.eventId, r.status])).toEqual([
        ["2026-12-03T03:00:00Z", "completed"],
        ["2026-12-04T03:00:00Z", "queued"],
      ]);
    });
  });
}
