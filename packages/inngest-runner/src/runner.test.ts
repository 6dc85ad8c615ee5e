import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedRunner } from "./runner";
import { InMemoryRunStore } from "./stores/in-memory-run-store";
import type { RunStore } from "./stores/run-store";
import { createTestClient, createTestRunner, deferred, eventually } from "./testing/test-kit";

const client = createTestClient();
const started: EmbeddedRunner[] = [];

async function start(runner: EmbeddedRunner) {
  started.push(runner);
  await runner.start();
  return runner;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((runner) => runner.stop()));
});

describe("EmbeddedRunner", () => {
  it("completes a multi-step function, running each step exactly once", async () => {
    const calls = { reserve: 0, render: 0, store: 0 };
    const fn = client.createFunction(
      { id: "multi-step", triggers: [{ event: "test/multi" }] },
      async ({ event, step }) => {
        const reserved = await step.run("reserve", () => ++calls.reserve);
        const image = await step.run("render", () => {
          calls.render += 1;
          return { url: `img-${String(event.data.n)}` };
        });
        await step.run("store", () => void (calls.store += 1));
        return { reserved, image };
      },
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-1", name: "test/multi", data: { n: 7 } });
    await runner.waitForIdle();

    expect(calls).toEqual({ reserve: 1, render: 1, store: 1 });
    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("completed");
    expect(run?.output).toEqual({ reserved: 1, image: { url: "img-7" } });
    expect(run?.stack).toHaveLength(3);
  });

  it("retries a failing step with backoff until it succeeds", async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const fn = client.createFunction(
      { id: "flaky-step", triggers: [{ event: "test/flaky" }], retries: 4 },
      async ({ step, attempt }) => {
        const value = await step.run("flaky", () => {
          attempts.push({ attempt, at: Date.now() });
          if (attempts.length <= 2) throw new Error(`transient failure ${attempts.length}`);
          return "ok";
        });
        return value;
      },
    );
    const { runner, store } = createTestRunner([fn], {
      client,
      backoff: { delaysMs: [40, 80], jitterMs: 0 },
    });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-flaky", name: "test/flaky", data: {} });
    await runner.waitForIdle();

    expect(attempts.map((a) => a.attempt)).toEqual([0, 1, 2]);
    // The backoff table, indexed by the attempt that failed: 40 ms after the first, 80 after the second.
    const gaps = attempts.slice(1).map((a, i) => a.at - (attempts[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(39);
    expect(gaps[1]).toBeGreaterThanOrEqual(79);
    const run = await store.get(runIds[0] ?? "");
    expect(run).toMatchObject({ status: "completed", output: "ok", attempt: 0 });
  });

  it("honours retry-after from RetryAfterError", async () => {
    const attemptsAt: number[] = [];
    const fn = client.createFunction(
      { id: "retry-after", triggers: [{ event: "test/retry-after" }], retries: 1 },
      async ({ step }) =>
        step.run("rate-limited", () => {
          attemptsAt.push(Date.now());
          if (attemptsAt.length === 1) throw new RetryAfterError("slow down", "1s");
          return "done";
        }),
    );
    const { runner } = createTestRunner([fn], { client, backoff: { delaysMs: [1], jitterMs: 0 } });
    await start(runner);

    await runner.send({ id: "evt-ra", name: "test/retry-after", data: {} });
    await runner.waitForIdle();

    expect(attemptsAt).toHaveLength(2);
    expect((attemptsAt[1] ?? 0) - (attemptsAt[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("gives a step 5 attempts when the function sets no retries (Inngest's default of 4)", async () => {
    let attempts = 0;
    const fn = client.createFunction(
      { id: "default-retries", triggers: [{ event: "test/default-retries" }] },
      async ({ step }) =>
        step.run("doomed", () => {
          attempts += 1;
          throw new Error("still down");
        }),
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-dr", name: "test/default-retries", data: {} });
    await runner.waitForIdle();

    expect(attempts).toBe(5);
    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "failed" });
  });

  it("fails a run that reaches the step cap, and runs onFailure", async () => {
    let failures = 0;
    const fn = client.createFunction(
      {
        id: "too-many-steps",
        triggers: [{ event: "test/many" }],
        onFailure: async () => void (failures += 1),
      },
      async ({ step }) => {
        for (let i = 0; i < 5; i += 1) await step.run(`step-${i}`, () => i);
        return "unreachable";
      },
    );
    const { runner, store } = createTestRunner([fn], { client, maxSteps: 3 });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-many", name: "test/many", data: {} });
    await runner.waitForIdle();

    const run = await store.get(runIds[0] ?? "");
    expect(run).toMatchObject({
      status: "failed",
      error: {
        name: "InngestErrFunctionOverflowed",
        message: "The function run exceeded the step limit of 3 steps.",
      },
    });
    expect(Object.keys(run?.steps ?? {})).toHaveLength(3);
    expect(failures).toBe(1);
  });

  it("counts a call that outlives the per-call deadline as a failed attempt, and retries it", async () => {
    let calls = 0;
    const fn = client.createFunction(
      { id: "slow-call", triggers: [{ event: "test/slow" }], retries: 2 },
      async ({ step }) =>
        step.run("slow-once", async () => {
          calls += 1;
          if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 1_500));
          return calls;
        }),
    );
    const { runner, store } = createTestRunner([fn], { client, callTimeoutMs: 400 });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-slow", name: "test/slow", data: {} });
    await runner.waitForIdle();

    expect(calls).toBe(2);
    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "completed", output: 2 });
  });

  it("retries a function-level error (500) and completes", async () => {
    let throws = 1;
    const fn = client.createFunction(
      { id: "flaky-body", triggers: [{ event: "test/flaky-body" }], retries: 2 },
      async ({ step }) => {
        const first = await step.run("first", () => 1);
        if (throws-- > 0) throw new Error("between steps");
        return first + 1;
      },
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-body", name: "test/flaky-body", data: {} });
    await runner.waitForIdle();

    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "completed", output: 2 });
  });

  it("fails after exhausting retries and runs onFailure exactly once with the original event", async () => {
    let stepAttempts = 0;
    const failures: unknown[] = [];
    const fn = client.createFunction(
      {
        id: "always-fails",
        triggers: [{ event: "test/always-fails" }],
        retries: 2,
        onFailure: async ({ event, error, step }) => {
          await step.run("refund", () => {
            failures.push({ data: event.data, message: error.message });
          });
        },
      },
      async ({ step }) =>
        step.run("doomed", () => {
          stepAttempts += 1;
          throw new Error("model unavailable");
        }),
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({
      id: "req-42",
      name: "test/always-fails",
      data: { requestId: "req-42" },
    });
    await runner.waitForIdle();

    expect(stepAttempts).toBe(3);
    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("model unavailable");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      data: {
        function_id: "runner-test-always-fails",
        run_id: runIds[0],
        event: { id: "req-42", name: "test/always-fails", data: { requestId: "req-42" } },
      },
      message: expect.stringContaining("model unavailable"),
    });
    const failureRuns = store
      .all()
      .filter((r) => r.functionId === "runner-test-always-fails-failure");
    expect(failureRuns).toHaveLength(1);
    expect(failureRuns[0]?.status).toBe("completed");
  });

  it("fails at once on NonRetriableError and runs onFailure", async () => {
    let attempts = 0;
    let failureCalls = 0;
    const fn = client.createFunction(
      {
        id: "refused",
        triggers: [{ event: "test/refused" }],
        retries: 3,
        onFailure: async () => void (failureCalls += 1),
      },
      async ({ step }) =>
        step.run("check-prompt", () => {
          attempts += 1;
          throw new NonRetriableError("prompt refused");
        }),
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-refused", name: "test/refused", data: {} });
    await runner.waitForIdle();

    expect(attempts).toBe(1);
    expect(failureCalls).toBe(1);
    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("prompt refused");
  });

  it("lets the function catch a step that failed for good and carry on", async () => {
    const fn = client.createFunction(
      { id: "fallback", triggers: [{ event: "test/fallback" }], retries: 0 },
      async ({ step }) => {
        try {
          return await step.run("primary", (): string => {
            throw new Error("primary down");
          });
        } catch {
          return step.run("fallback", () => "fallback image");
        }
      },
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-fb", name: "test/fallback", data: {} });
    await runner.waitForIdle();

    expect(await store.get(runIds[0] ?? "")).toMatchObject({
      status: "completed",
      output: "fallback image",
    });
  });

  it("completes parallel steps (Promise.all) and keeps immediate execution off afterwards", async () => {
    const ran: string[] = [];
    const fn = client.createFunction(
      { id: "parallel", triggers: [{ event: "test/parallel" }] },
      async ({ step }) => {
        const [a, b] = await Promise.all([
          step.run("left", () => (ran.push("left"), "L")),
          step.run("right", () => (ran.push("right"), "R")),
        ]);
        const joined = await step.run("join", () => (ran.push("join"), `${a}${b}`));
        return joined;
      },
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-par", name: "test/parallel", data: {} });
    await runner.waitForIdle();

    expect([...ran].sort()).toEqual(["join", "left", "right"]);
    const run = await store.get(runIds[0] ?? "");
    expect(run).toMatchObject({
      status: "completed",
      output: "LR",
      disableImmediateExecution: true,
    });
  });

  it("sleeps with step.sleep and step.sleepUntil", async () => {
    const fn = client.createFunction(
      { id: "sleeper", triggers: [{ event: "test/sleep" }] },
      async ({ step }) => {
        const before = await step.run("before", () => Date.now());
        await step.sleep("nap", "1s");
        await step.sleepUntil("until", new Date(Date.now() + 50));
        const after = await step.run("after", () => Date.now());
        return after - before;
      },
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-sleep", name: "test/sleep", data: {} });
    await runner.waitForIdle();

    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBeGreaterThanOrEqual(1_000);
    expect(run?.sleeps).toEqual({});
    expect(run?.stack).toHaveLength(4);
  });

  it("creates no second run for a repeated event id", async () => {
    let executions = 0;
    const fn = client.createFunction(
      { id: "dedupe", triggers: [{ event: "test/dedupe" }] },
      async ({ step }) => step.run("once", () => ++executions),
    );
    const { runner, store } = createTestRunner([fn], { client });

    const first = await runner.send({ id: "req-1", name: "test/dedupe", data: {} });
    const again = await runner.send({ id: "req-1", name: "test/dedupe", data: {} });
    await start(runner);
    await runner.waitForIdle();
    const afterCompletion = await runner.send({ id: "req-1", name: "test/dedupe", data: {} });
    await runner.waitForIdle();

    expect(first.created).toBe(1);
    expect(again).toEqual({ runIds: first.runIds, created: 0 });
    expect(afterCompletion).toEqual({ runIds: first.runIds, created: 0 });
    expect(store.all()).toHaveLength(1);
    expect(executions).toBe(1);
  });

  it("deduplicates by the function's idempotency key and filters on trigger `if`", async () => {
    const handled: string[] = [];
    const fn = client.createFunction(
      {
        id: "keyed",
        idempotency: "event.data.requestId",
        triggers: [
          { event: "test/keyed", if: "event.data.kind == 'paid' && event.data.test != true" },
        ],
      },
      async ({ event, step }) => step.run("handle", () => handled.push(event.id ?? "")),
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    await runner.send({ id: "e1", name: "test/keyed", data: { requestId: "r1", kind: "paid" } });
    await runner.send({ id: "e2", name: "test/keyed", data: { requestId: "r1", kind: "paid" } });
    await runner.send({ id: "e3", name: "test/keyed", data: { requestId: "r2", kind: "free" } });
    await runner.send({
      id: "e4",
      name: "test/keyed",
      data: { requestId: "r3", kind: "paid", test: true },
    });
    await runner.waitForIdle();

    expect(handled).toEqual(["e1"]);
    expect(store.all()).toHaveLength(1);
  });

  it("never executes more runs at once than its concurrency", async () => {
    let active = 0;
    let maxActive = 0;
    const fn = client.createFunction(
      { id: "busy", triggers: [{ event: "test/busy" }] },
      async ({ step }) =>
        step.run("work", async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setTimeout(resolve, 25));
          active -= 1;
        }),
    );
    const { runner, store } = createTestRunner([fn], { client, concurrency: 3 });
    await start(runner);

    for (let i = 0; i < 9; i += 1) {
      await runner.send({ id: `busy-${i}`, name: "test/busy", data: {} });
    }
    await runner.waitForIdle();

    expect(maxActive).toBe(3);
    expect(store.all().filter((r) => r.status === "completed")).toHaveLength(9);
  });

  it("holds each concurrency key to its limit across two runners sharing a store, without blocking other keys", async () => {
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    let overall = 0;
    let overallPeak = 0;
    const fn = client.createFunction(
      {
        id: "per-client",
        triggers: [{ event: "test/per-client" }],
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
    const one = await start(createTestRunner([fn], { client, store, concurrency: 8 }).runner);
    const two = await start(createTestRunner([fn], { client, store, concurrency: 8 }).runner);

    for (let i = 0; i < 8; i += 1) {
      await one.send({ id: `a-${i}`, name: "test/per-client", data: { clientId: "a" } });
      await two.send({ id: `b-${i}`, name: "test/per-client", data: { clientId: "b" } });
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
      { key: "fn:runner-test-per-client:key:a", limit: 2 },
      { key: "env:key:renders", limit: 3 },
    ]);
  });

  it("delivers step.sendEvent and inngest.send from inside a function to the runner itself", async () => {
    const received: { id: string | undefined; data: unknown }[] = [];
    const sender = client.createFunction(
      { id: "sender", triggers: [{ event: "test/order" }] },
      async ({ event, step }) => {
        await step.sendEvent("notify", {
          id: `notify-${String(event.data.order)}`,
          name: "test/notified",
          data: { order: event.data.order, via: "step" },
        });
        await step.run("direct", () =>
          client.send({ name: "test/notified", data: { order: event.data.order, via: "send" } }),
        );
      },
    );
    const receiver = client.createFunction(
      { id: "receiver", triggers: [{ event: "test/notified" }] },
      async ({ event, step }) =>
        step.run("record", () => received.push({ id: event.id, data: event.data })),
    );
    const { runner, store } = createTestRunner([sender, receiver], { client });
    await start(runner);

    await runner.send({ id: "order-7", name: "test/order", data: { order: 7 } });
    await eventually(() => received.length === 2);
    await runner.waitForIdle();

    expect(received).toEqual(
      expect.arrayContaining([
        { id: "notify-7", data: { order: 7, via: "step" } },
        { id: expect.any(String), data: { order: 7, via: "send" } },
      ]),
    );
    expect(store.all().every((r) => r.status === "completed")).toBe(true);
  });

  it("fails a run that uses a step op it does not implement, and runs onFailure", async () => {
    let failureCalls = 0;
    const fn = client.createFunction(
      {
        id: "waits",
        triggers: [{ event: "test/waits" }],
        onFailure: async () => void (failureCalls += 1),
      },
      async ({ step }) => step.waitForEvent("approval", { event: "test/approved", timeout: "1h" }),
    );
    const { runner, store } = createTestRunner([fn], { client });
    await start(runner);

    const { runIds } = await runner.send({ id: "evt-wait", name: "test/waits", data: {} });
    await runner.waitForIdle();

    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatchObject({ name: "UnsupportedStepError" });
    expect(run?.error?.message).toContain('"WaitForEvent"');
    expect(failureCalls).toBe(1);
  });
});

describe("EmbeddedRunner cron triggers", () => {
  /** A clock that reads `at` now and runs at real speed from there. */
  function clockAt(at: string) {
    const offset = Date.parse(at) - Date.now();
    return { now: () => new Date(Date.now() + offset) };
  }

  it("runs a tick exactly once with two runners on one store, honouring TZ=", async () => {
    const ticks: unknown[] = [];
    const fn = client.createFunction(
      // 04:00 in Paris is 03:00 UTC in December.
      { id: "nightly", triggers: [{ cron: "TZ=Europe/Paris 0 4 * * *" }] },
      async ({ event, step }) => step.run("prune", () => ticks.push(event)),
    );
    const store = new InMemoryRunStore();
    // Yesterday's tick ran; the runners start 200 ms before today's (however long they take to
    // start, today's tick is the next one after the cursor, so it runs, once).
    await store.advanceCron({
      functionId: "runner-test-nightly",
      schedule: "TZ=Europe/Paris 0 4 * * *",
      from: null,
      to: new Date("2026-12-02T03:00:00Z"),
      runs: [],
    });
    const clock = clockAt("2026-12-03T02:59:59.800Z");
    const one = await start(createTestRunner([fn], { client, store, clock }).runner);
    const two = await start(createTestRunner([fn], { client, store, clock }).runner);

    await eventually(() => ticks.length === 1);
    await one.waitForIdle();
    await two.waitForIdle();

    expect(ticks).toEqual([
      expect.objectContaining({
        id: "2026-12-03T03:00:00Z",
        name: "inngest/scheduled.timer",
        data: {
          cron: "TZ=Europe/Paris 0 4 * * *",
          scheduledAt: "2026-12-03T03:00:00Z",
          fireAt: "2026-12-03T03:00:00Z",
        },
      }),
    ]);
    const runs = store.all();
    // The tick that ran, and the next one queued for tomorrow.
    expect(runs.map((r) => [r.eventId, r.status])).toEqual([
      ["2026-12-03T03:00:00Z", "completed"],
      ["2026-12-04T03:00:00Z", "queued"],
    ]);
    expect(await store.getCronCursor("runner-test-nightly", "TZ=Europe/Paris 0 4 * * *")).toEqual(
      new Date("2026-12-04T03:00:00Z"),
    );
  });

  it("after downtime runs every missed tick once, in order, then waits for the next", async () => {
    const seen: string[] = [];
    const fn = client.createFunction(
      { id: "hourly", triggers: [{ cron: "0 * * * *" }], concurrency: 1 },
      async ({ event, step }) => step.run("work", () => seen.push(event.id ?? "")),
    );
    const store = new InMemoryRunStore();
    // The last process scheduled the 01:00 tick and its run finished; then everything stopped.
    await store.advanceCron({
      functionId: "runner-test-hourly",
      schedule: "0 * * * *",
      from: null,
      to: new Date("2026-12-03T01:00:00Z"),
      runs: [],
    });
    const runner = await start(
      createTestRunner([fn], { client, store, clock: clockAt("2026-12-03T04:30:00Z") }).runner,
    );

    await eventually(() => seen.length === 3);
    await runner.waitForIdle();

    expect(seen).toEqual(["2026-12-03T02:00:00Z", "2026-12-03T03:00:00Z", "2026-12-03T04:00:00Z"]);
    expect(
      store
        .all()
        .filter((r) => r.status === "queued")
        .map((r) => r.eventId),
    ).toEqual(["2026-12-03T05:00:00Z"]);
  });
});

describe("EmbeddedRunner refuses functions it cannot run faithfully", () => {
  const cases: [string, () => unknown][] = [
    [
      "the `debounce` option",
      () =>
        client.createFunction(
          { id: "debounced", triggers: [{ event: "x" }], debounce: { period: "5s" } },
          async () => null,
        ),
    ],
    [
      "the `throttle` option",
      () =>
        client.createFunction(
          { id: "throttled", triggers: [{ event: "x" }], throttle: { limit: 1, period: "1s" } },
          async () => null,
        ),
    ],
    [
      'a "env"-scoped `concurrency` limit without a key',
      () =>
        client.createFunction(
          { id: "env-no-key", triggers: [{ event: "x" }], concurrency: { limit: 2, scope: "env" } },
          async () => null,
        ),
    ],
    [
      "the `concurrency` key expression",
      () =>
        client.createFunction(
          {
            id: "computed-key",
            triggers: [{ event: "x" }],
            concurrency: { limit: 2, key: "event.data.a + event.data.b" },
          },
          async () => null,
        ),
    ],
    [
      'the cron trigger "0 0 0 * * *"',
      () =>
        client.createFunction(
          { id: "six-fields", triggers: [{ cron: "0 0 0 * * *" }] },
          async () => null,
        ),
    ],
    [
      'the cron trigger "TZ=Nowhere/Atlantis 0 3 * * *"',
      () =>
        client.createFunction(
          { id: "bad-zone", triggers: [{ cron: "TZ=Nowhere/Atlantis 0 3 * * *" }] },
          async () => null,
        ),
    ],
    [
      "a cron trigger with `jitter`",
      () =>
        client.createFunction(
          { id: "jittery", triggers: [{ cron: "0 3 * * *", jitter: "5m" }] },
          async () => null,
        ),
    ],
    [
      "the trigger expression",
      () =>
        client.createFunction(
          { id: "clever", triggers: [{ event: "x", if: "event.data.n > 3" }] },
          async () => null,
        ),
    ],
    [
      "the idempotency expression",
      () =>
        client.createFunction(
          {
            id: "composite-key",
            idempotency: "event.data.a + event.data.b",
            triggers: [{ event: "x" }],
          },
          async () => null,
        ),
    ],
  ];

  it.each(cases)("names the function and %s", (feature, define) => {
    const fn = define() as Parameters<typeof createTestRunner>[0][number];
    expect(() => createTestRunner([fn], { client })).toThrow(feature);
    expect(() => createTestRunner([fn], { client })).toThrow(`"${fn.id(client.id)}"`);
  });

  it.each([
    ["a cloud-mode client", new Inngest({ id: "cloud-app", isDev: false })],
    // The one that used to post events from functions to the default dev server URL.
    ["a plain dev-mode client", new Inngest({ id: "dev-app", isDev: true })],
  ])("refuses %s, whose events would not reach the runner", (_, plainClient) => {
    const fn = plainClient.createFunction(
      { id: "f", triggers: [{ event: "x" }] },
      async () => null,
    );
    expect(() => createTestRunner([fn], { client: plainClient })).toThrow(
      /createEmbeddedInngest.*step\.sendEvent and inngest\.send/,
    );
  });
});

describe("EmbeddedRunner resumes runs another runner left behind", () => {
  function threeStepFunction(gate?: Promise<void>) {
    const calls = { first: 0, second: 0, third: 0 };
    let secondStarted = false;
    const fn = client.createFunction(
      { id: "resumable", triggers: [{ event: "test/resume" }] },
      async ({ step }) => {
        await step.run("first", () => void (calls.first += 1));
        await step.run("second", async () => {
          secondStarted = true;
          await gate;
          calls.second += 1;
        });
        await step.run("third", () => void (calls.third += 1));
        return "resumed";
      },
    );
    return { fn, calls, secondStarted: () => secondStarted };
  }

  it("after a graceful stop, the next runner finishes from the memoized steps", async () => {
    const gate = deferred();
    const { fn, calls, secondStarted } = threeStepFunction(gate.promise);
    const store = new InMemoryRunStore();
    const first = createTestRunner([fn], { client, store }).runner;
    await first.start();
    const { runIds } = await first.send({ id: "evt-resume", name: "test/resume", data: {} });

    await eventually(secondStarted);
    const stopping = first.stop();
    gate.resolve();
    await stopping;

    const parked = await store.get(runIds[0] ?? "");
    expect(parked).toMatchObject({ status: "queued", lockedBy: null });
    expect(parked?.stack).toHaveLength(2);
    expect(calls).toEqual({ first: 1, second: 1, third: 0 });

    const second = await start(createTestRunner([fn], { client, store }).runner);
    await second.waitForIdle();
    expect(calls).toEqual({ first: 1, second: 1, third: 1 });
    expect(await store.get(runIds[0] ?? "")).toMatchObject({
      status: "completed",
      output: "resumed",
    });
  });

  it("abandon hands a run stuck in a step back at once, and another runner redoes only that step", async () => {
    const gate = deferred(); // never resolved here: the second step outlives the shutdown
    const { fn, calls, secondStarted } = threeStepFunction(gate.promise);
    const store = new InMemoryRunStore();
    // A lease far longer than the test: only `abandon` can make the run claimable this soon.
    const first = createTestRunner([fn], { client, store, leaseMs: 60_000 }).runner;
    await first.start();
    const { runIds } = await first.send({ id: "evt-abandon", name: "test/resume", data: {} });
    await eventually(secondStarted);

    const stopping = first.stop();
    expect(await first.abandon()).toBe(1);
    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "queued", lockedBy: null });

    const { fn: resumed, calls: resumedCalls } = threeStepFunction();
    const second = await start(createTestRunner([resumed], { client, store }).runner);
    await second.waitForIdle();
    expect(resumedCalls).toEqual({ first: 0, second: 1, third: 1 });
    expect(calls.first).toBe(1);
    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "completed" });
    gate.resolve();
    await stopping; // the abandoned call ends without saving: its lease is gone
  });

  it("after a crash, the run is taken over once the lease expires, without re-running step 1", async () => {
    const { fn, calls } = threeStepFunction();
    const store = new InMemoryRunStore();
    // The first process freezes for good right after saving step 1: it never calls again,
    // never renews its lease and never releases the run.
    const frozenAfterFirstSave = freezeAfterSaves(store, 1);
    const crashed = createTestRunner([fn], {
      client,
      store: frozenAfterFirstSave,
      leaseMs: 300,
    }).runner;
    await crashed.start();
    const { runIds } = await crashed.send({ id: "evt-crash", name: "test/resume", data: {} });
    await eventually(() => calls.first === 1);

    const orphan = await store.get(runIds[0] ?? "");
    expect(orphan).toMatchObject({ status: "running", lockedBy: crashed.runnerId });

    const next = await start(createTestRunner([fn], { client, store, leaseMs: 300 }).runner);
    await next.waitForIdle();

    expect(calls).toEqual({ first: 1, second: 1, third: 1 });
    expect(await store.get(runIds[0] ?? "")).toMatchObject({
      status: "completed",
      lockedBy: null,
    });
  });
});

describe("EmbeddedRunner leases", () => {
  it("renews the lease during a long step, so another runner never takes the run over", async () => {
    let executions = 0;
    const fn = client.createFunction(
      { id: "long-step", triggers: [{ event: "test/long" }] },
      async ({ step }) =>
        step.run("render", async () => {
          executions += 1;
          await new Promise((resolve) => setTimeout(resolve, 1_200));
          return "rendered";
        }),
    );
    const store = new InMemoryRunStore();
    const first = await start(createTestRunner([fn], { client, store, leaseMs: 300 }).runner);
    const { runIds } = await first.send({ id: "evt-long", name: "test/long", data: {} });
    await eventually(() => executions === 1);
    const second = await start(createTestRunner([fn], { client, store, leaseMs: 300 }).runner);

    await first.waitForIdle();
    await second.waitForIdle();

    expect(executions).toBe(1);
    expect(await store.get(runIds[0] ?? "")).toMatchObject({
      status: "completed",
      output: "rendered",
    });
  });
});

/** A store that stops answering (a frozen or killed process) once `saves` progress saves went through. */
function freezeAfterSaves(inner: RunStore, saves: number): RunStore {
  let frozen = false;
  const never = new Promise<never>(() => {});
  const guard =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      frozen ? never : method(...args);
  let remaining = saves;
  return {
    createIfAbsent: guard((run) => inner.createIfAbsent(run)),
    claimDue: guard((options) => inner.claimDue(options)),
    renewLease: guard((...args) => inner.renewLease(...args)),
    saveProgress: guard(async (...args) => {
      await inner.saveProgress(...args);
      remaining -= 1;
      if (remaining <= 0) frozen = true;
      if (frozen) return never;
    }),
    release: guard((...args) => inner.release(...args)),
    complete: guard((...args) => inner.complete(...args)),
    fail: guard((...args) => inner.fail(...args)),
    get: guard((id) => inner.get(id)),
    countUnfinished: guard((now) => inner.countUnfinished(now)),
    getCronCursor: guard((...args) => inner.getCronCursor(...args)),
    advanceCron: guard((move) => inner.advanceCron(move)),
  };
}
