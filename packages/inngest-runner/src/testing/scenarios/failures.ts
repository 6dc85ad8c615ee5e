// Failing for good: NonRetriableError, exhausted retries with the onFailure payload, a failed
// step caught by the function, and step kinds the runner refuses by name.
import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { InMemoryRunStore } from "../../stores/in-memory-run-store";
import { runnersFor, type ScenarioTarget } from "./target";

export function failureScenarios(target: ScenarioTarget) {
  const { client } = target;
  const start = runnersFor(target);

  describe("failures", () => {
    it("fails at once on NonRetriableError and runs onFailure", async () => {
      let attempts = 0;
      let failureCalls = 0;
      const fn = client.createFunction(
        {
          id: "refused",
          triggers: [{ event: "scenario/refused" }],
          retries: 3,
          onFailure: async () => void (failureCalls += 1),
        },
        async ({ step }) =>
          step.run("check-prompt", () => {
            attempts += 1;
            throw new NonRetriableError("prompt refused");
          }),
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({
        id: "evt-refused",
        name: "scenario/refused",
        data: {},
      });
      await runner.waitForIdle();

      expect(attempts).toBe(1);
      expect(failureCalls).toBe(1);
      const run = await store.get(runIds[0] ?? "");
      expect(run?.status).toBe("failed");
      expect(run?.error?.message).toContain("prompt refused");
    });

    it("after the last attempt runs onFailure once, with Inngest's function.failed payload", async () => {
      let stepAttempts = 0;
      const failures: { event: unknown; error: { name: string; message: string } }[] = [];
      const fn = client.createFunction(
        {
          id: "always-fails",
          triggers: [{ event: "scenario/always-fails" }],
          retries: 2,
          onFailure: async ({ event, error, step }) => {
            await step.run("refund", () => {
              failures.push({ event, error: { name: error.name, message: error.message } });
            });
          },
        },
        async ({ step }) =>
          step.run("doomed", () => {
            stepAttempts += 1;
            throw new Error("model unavailable");
          }),
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({
        id: "req-42",
        name: "scenario/always-fails",
        data: { requestId: "req-42" },
      });
      await runner.waitForIdle();

      expect(stepAttempts).toBe(3);
      const run = await store.get(runIds[0] ?? "");
      expect(run?.status).toBe("failed");
      expect(run?.error?.message).toContain("model unavailable");
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        event: {
          name: "inngest/function.failed",
          data: {
            function_id: fn.id(client.id),
            run_id: runIds[0],
            error: { message: expect.stringContaining("model unavailable") as string },
            event: { id: "req-42", name: "scenario/always-fails", data: { requestId: "req-42" } },
          },
        },
        error: { message: expect.stringContaining("model unavailable") as string },
      });
      const failureRuns = store.all().filter((r) => r.functionId === `${fn.id(client.id)}-failure`);
      expect(failureRuns.map((r) => r.status)).toEqual(["completed"]);
    });

    it("lets the function catch a step that failed for good (try/catch) and carry on", async () => {
      let primaryAttempts = 0;
      const fn = client.createFunction(
        { id: "fallback", triggers: [{ event: "scenario/fallback" }], retries: 1 },
        async ({ step }) => {
          try {
            return await step.run("primary", (): string => {
              primaryAttempts += 1;
              throw new Error("primary down");
            });
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return step.run("fallback", () => `fallback image (${reason})`);
          }
        },
      );
      const store = new InMemoryRunStore();
      const runner = await start([fn], { store });

      const { runIds } = await runner.send({ id: "evt-fb", name: "scenario/fallback", data: {} });
      await runner.waitForIdle();

      expect(primaryAttempts).toBe(2);
      expect(await store.get(runIds[0] ?? "")).toMatchObject({
        status: "completed",
        output: "fallback image (primary down)",
      });
    });

    it.each(["WaitForEvent", "InvokeFunction"] as const)(
      "fails a run that uses %s, naming the op and the step, and runs onFailure",
      async (op) => {
        let failureCalls = 0;
        const invoked = client.createFunction(
          { id: `invoked-by-${op.toLowerCase()}`, triggers: [{ event: "scenario/never" }] },
          async () => "invoked",
        );
        const fn = client.createFunction(
          {
            id: `uses-${op.toLowerCase()}`,
            triggers: [{ event: `scenario/${op}` }],
            onFailure: async () => void (failureCalls += 1),
          },
          async ({ step }) =>
            op === "WaitForEvent"
              ? step.waitForEvent("unsupported-step", { event: "scenario/approved", timeout: "1h" })
              : step.invoke("unsupported-step", { function: invoked, data: {} }),
        );
        const store = new InMemoryRunStore();
        const runner = await start([fn, invoked], { store });

        const { runIds } = await runner.send({ id: `evt-${op}`, name: `scenario/${op}`, data: {} });
        await runner.waitForIdle();

        const run = await store.get(runIds[0] ?? "");
        expect(run?.status).toBe("failed");
        expect(run?.error).toMatchObject({ name: "UnsupportedStepError" });
        expect(run?.error?.message).toContain(`"${op}"`);
        expect(run?.error?.message).toContain("unsupported-step");
        expect(failureCalls).toBe(1);
      },
    );
  });
}
