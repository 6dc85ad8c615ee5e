// Step shapes: parallel steps planned together (Promise.all) and step.sleep / step.sleepUntil.
import { describe, expect, it } from "vitest";
import { InMemoryRunStore } from "../../stores/in-memory-run-store";
import { runnersFor, type ScenarioTarget } from "./target";

export function stepScenarios(target: ScenarioTarget) {
  const { client } = target;
  const start = runnersFor(target);

  describe("steps", () => {
    it("runs parallel steps (Promise.all) once each, then keeps immediate execution off", async () => {
      const ran: string[] = [];
      const fn = client.createFunction(
        { id: "parallel", triggers: [{ event: "scenario/parallel" }] },
        async ({ step }) => {
          const [a, b, c] = await Promise.all([
            step.run("left", () => (ran.push("left"), "L")),
            step.run("middle", () => (ran.push("middle"), "M")),
            step.run("right", () => (ran.push("right"), "R")),
          ]);
          return step.run("join", () => (ran.push("join"), `${a}${b}${c}`));
        },
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({ id: "evt-par", name: "scenario/parallel", data: {} });
      await runner.waitForIdle();

      expect([...ran].sort()).toEqual(["join", "left", "middle", "right"]);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({
        status: "completed",
        output: "LMR",
        disableImmediateExecution: true,
      });
    });

    it("sleeps with step.sleep and step.sleepUntil, and resumes after the memoized steps", async () => {
      let beforeRuns = 0;
      const fn = client.createFunction(
        { id: "sleeper", triggers: [{ event: "scenario/sleep" }] },
        async ({ step }) => {
          const before = await step.run("before", () => ((beforeRuns += 1), Date.now()));
          await step.sleep("nap", "1s");
          await step.sleepUntil("until", new Date(before + 1_200));
          const after = await step.run("after", () => Date.now());
          return after - before;
        },
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({ id: "evt-sleep", name: "scenario/sleep", data: {} });
      await runner.waitForIdle();

      const run = await store.get(runIds[0] ?? "");
      expect(run?.status).toBe("completed");
      expect(run?.output).toBeGreaterThanOrEqual(1_200);
      expect(beforeRuns).toBe(1);
      expect(run?.sleeps).toEqual({});
      expect(run?.stack).toHaveLength(4);
    });
  });
}
