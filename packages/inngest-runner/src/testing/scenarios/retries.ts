// Retries: a failing step with the attempt counter and the backoff table, a function-level
// error between steps, and RetryAfterError's own delay.
import { RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { InMemoryRunStore } from "../../stores/in-memory-run-store";
import { runnersFor, type ScenarioTarget } from "./target";

export function retryScenarios(target: ScenarioTarget) {
  const { client } = target;
  const start = runnersFor(target);

  describe("retries", () => {
    it("retries a failing step with backoff, counting attempts, until it succeeds", async () => {
      const attempts: { attempt: number; at: number }[] = [];
      const fn = client.createFunction(
        { id: "flaky-step", triggers: [{ event: "scenario/flaky" }], retries: 4 },
        async ({ step, attempt }) =>
          step.run("flaky", () => {
            attempts.push({ attempt, at: Date.now() });
            if (attempts.length <= 2) throw new Error(`transient failure ${attempts.length}`);
            return "ok";
          }),
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store, backoff: { delaysMs: [40, 80], jitterMs: 0 } });

      const { runIds } = await runner.send({ id: "evt-flaky", name: "scenario/flaky", data: {} });
      await runner.waitForIdle();

      expect(attempts.map((a) => a.attempt)).toEqual([0, 1, 2]);
      // The backoff table, indexed by the attempt that failed.
      const gaps = attempts.slice(1).map((a, i) => a.at - (attempts[i]?.at ?? 0));
      expect(gaps[0]).toBeGreaterThanOrEqual(39);
      expect(gaps[1]).toBeGreaterThanOrEqual(79);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({
        status: "completed",
        output: "ok",
        attempt: 0,
      });
    });

    it("gives a step 5 attempts when the function sets no retries (Inngest's default of 4)", async () => {
      let attempts = 0;
      const fn = client.createFunction(
        { id: "default-retries", triggers: [{ event: "scenario/default-retries" }] },
        async ({ step }) =>
          step.run("doomed", () => {
            attempts += 1;
            throw new Error("still down");
          }),
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store, backoff: { delaysMs: [1], jitterMs: 0 } });

      const { runIds } = await runner.send({
        id: "evt-dr",
        name: "scenario/default-retries",
        data: {},
      });
      await runner.waitForIdle();

      expect(attempts).toBe(5);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "failed" });
    });

    it("retries a function-level error between steps without re-running the memoized step", async () => {
      let throws = 1;
      let firstRuns = 0;
      const fn = client.createFunction(
        { id: "flaky-body", triggers: [{ event: "scenario/flaky-body" }], retries: 2 },
        async ({ step }) => {
          const first = await step.run("first", () => ++firstRuns);
          if (throws-- > 0) throw new Error("between steps");
          return first + 1;
        },
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({
        id: "evt-body",
        name: "scenario/flaky-body",
        data: {},
      });
      await runner.waitForIdle();

      expect(firstRuns).toBe(1);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "completed", output: 2 });
    });

    it("waits as long as RetryAfterError asks, not the backoff table", async () => {
      const attemptsAt: number[] = [];
      const fn = client.createFunction(
        { id: "retry-after", triggers: [{ event: "scenario/retry-after" }], retries: 1 },
        async ({ step }) =>
          step.run("rate-limited", () => {
            attemptsAt.push(Date.now());
            if (attemptsAt.length === 1) throw new RetryAfterError("slow down", "1s");
            return "done";
          }),
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store, backoff: { delaysMs: [1], jitterMs: 0 } });

      const { runIds } = await runner.send({
        id: "evt-ra",
        name: "scenario/retry-after",
        data: {},
      });
      await runner.waitForIdle();

      expect(attemptsAt).toHaveLength(2);
      expect((attemptsAt[1] ?? 0) - (attemptsAt[0] ?? 0)).toBeGreaterThanOrEqual(950);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({
        status: "completed",
        output: "done",
      });
    });
  });
}
