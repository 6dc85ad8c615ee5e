import { Inngest } from "inngest";
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
});

describe("EmbeddedRunner cron triggers", () => {
  /** A clock that reads `at` now and runs at real speed from there. */
  function clockAt(at: string) {
    const offset = Date.parse(at) - Date.now();
    return { now: () => new Date(Date.now() + offset) };
  }

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
    [
      "checkpointing",
      () =>
        client.createFunction(
          { id: "checkpoints", triggers: [{ event: "x" }], checkpointing: true },
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

  it("with another transport, still refuses a client that checkpoints (the SDK's default)", () => {
    const cloud = new Inngest({ id: "cloud-app", isDev: false });
    const fn = cloud.createFunction({ id: "f", triggers: [{ event: "x" }] }, async () => null);
    const transport = () => Promise.reject(new Error("never called"));
    expect(() => createTestRunner([fn], { client: cloud, transport })).toThrow(
      /"cloud-app-f".*checkpointing/,
    );
    const quiet = new Inngest({ id: "quiet-app", isDev: false, checkpointing: false });
    const ok = quiet.createFunction({ id: "f", triggers: [{ event: "x" }] }, async () => null);
    expect(() => createTestRunner([ok], { client: quiet, transport })).not.toThrow();
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
