// Behaviour every RunStore must have, run against each implementation by its own test file.
import { ulid } from "ulid";
import { beforeEach, describe, expect, it } from "vitest";
import type { InngestEvent } from "../protocol";
import { LeaseLostError, type NewRun, type RunStore, emptyProgress } from "../stores/run-store";

const FUNCTION = "app-fn";
const FAILURE_FUNCTION = "app-fn-failure";
const t0 = new Date("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

export function aNewRun(overrides: Partial<NewRun> = {}): NewRun {
  const eventId = overrides.eventId ?? ulid();
  const event: InngestEvent = { id: eventId, name: "test/event", data: { n: 1 }, ts: t0.getTime() };
  return {
    id: ulid(),
    functionId: FUNCTION,
    eventId,
    event,
    nextRunAt: t0,
    concurrency: [],
    ...overrides,
  };
}

const claimOptions = (owner: string, now: Date, limit = 10) => ({
  owner,
  limit,
  now,
  leaseUntil: new Date(now.getTime() + 1_000),
  functionIds: [FUNCTION, FAILURE_FUNCTION],
});

/** `freshStore` is called before each test and must return a store with no runs. */
export function describeRunStoreContract(
  name: string,
  freshStore: () => RunStore | Promise<RunStore>,
) {
  describe(`${name} (RunStore contract)`, () => {
    let store: RunStore;
    beforeEach(async () => {
      store = await freshStore();
    });

    it("creates one run per (function, event id)", async () => {
      const first = await store.createIfAbsent(aNewRun({ eventId: "evt-1" }));
      const again = await store.createIfAbsent(aNewRun({ eventId: "evt-1" }));
      const otherFn = await store.createIfAbsent(
        aNewRun({ eventId: "evt-1", functionId: FAILURE_FUNCTION }),
      );
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
      expect(otherFn.created).toBe(true);
      expect(first.run).toMatchObject({ status: "queued", stack: [], attempt: 0, steps: {} });
      expect(first.run.event).toMatchObject({ id: "evt-1", data: { n: 1 } });
    });

    it("claims due runs of its functions once, under a lease", async () => {
      const due = await store.createIfAbsent(aNewRun());
      await store.createIfAbsent(aNewRun({ nextRunAt: at(60_000) }));
      await store.createIfAbsent(aNewRun({ functionId: "another-app-fn" }));

      const claimed = await store.claimDue(claimOptions("a", at(1)));
      expect(claimed.map((r) => r.id)).toEqual([due.run.id]);
      expect(claimed[0]).toMatchObject({
        status: "running",
        lockedBy: "a",
        lockedUntil: at(1_001),
      });
      expect(await store.claimDue(claimOptions("b", at(2)))).toEqual([]);
    });

    it("respects the claim limit", async () => {
      for (let i = 0; i < 3; i += 1) await store.createIfAbsent(aNewRun());
      expect(await store.claimDue(claimOptions("a", at(1), 2))).toHaveLength(2);
      expect(await store.claimDue(claimOptions("b", at(1), 2))).toHaveLength(1);
    });

    it("hands an expired lease to another runner and fences the old owner out", async () => {
      const { run } = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("dead", at(1)));
      expect(await store.claimDue(claimOptions("b", at(500)))).toEqual([]);

      const [taken] = await store.claimDue(claimOptions("b", at(5_000)));
      expect(taken).toMatchObject({ id: run.id, lockedBy: "b" });
      await expect(
        store.saveProgress(run.id, "dead", emptyProgress(), at(6_000), at(5_001)),
      ).rejects.toThrow(LeaseLostError);
      expect(await store.renewLease(run.id, "dead", at(9_000), at(5_001))).toBe(false);
      expect(await store.renewLease(run.id, "b", at(9_000), at(5_001))).toBe(true);
    });

    it("round-trips progress, including the runner's own bookkeeping", async () => {
      const { run } = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("a", at(1)));
      const progress = {
        steps: {
          aaa: { data: { url: "x", n: [1, 2] } },
          bbb: { error: { name: "Error", message: "boom" } },
          ccc: { data: null },
        },
        stack: ["aaa", "bbb", "ccc"],
        attempt: 2,
        pendingStep: "ddd",
        disableImmediateExecution: true,
        sleeps: { eee: at(9_000).toISOString() },
      };
      await store.saveProgress(run.id, "a", progress, at(2_000), at(2));
      expect(await store.get(run.id)).toMatchObject({
        ...progress,
        status: "running",
        lockedUntil: at(2_000),
      });
    });

    it("releases a run back to the queue until its next time", async () => {
      const { run } = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("a", at(1)));
      await store.release(run.id, "a", { ...emptyProgress(), attempt: 1 }, at(10_000));

      expect(await store.get(run.id)).toMatchObject({
        status: "queued",
        lockedBy: null,
        lockedUntil: null,
        attempt: 1,
        nextRunAt: at(10_000),
      });
      expect(await store.claimDue(claimOptions("a", at(9_999)))).toEqual([]);
      expect(await store.claimDue(claimOptions("a", at(10_000)))).toHaveLength(1);
    });

    it("completes and fails runs for good, creating the failure handler's run with the failure", async () => {
      const ok = await store.createIfAbsent(aNewRun());
      const bad = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("a", at(1)));
      expect(await store.countUnfinished(at(2))).toBe(2);

      await store.complete(ok.run.id, "a", emptyProgress(), { image: "x.png" });
      const failureRun = aNewRun({ functionId: FAILURE_FUNCTION, eventId: `${bad.run.id}-failed` });
      await store.fail(
        bad.run.id,
        "a",
        emptyProgress(),
        { name: "Error", message: "no" },
        failureRun,
      );
      // A retried failure does not create the handler's run twice.
      await expect(
        store.fail(bad.run.id, "a", emptyProgress(), { name: "Error", message: "no" }, failureRun),
      ).rejects.toThrow(LeaseLostError);

      expect(await store.get(ok.run.id)).toMatchObject({
        status: "completed",
        output: { image: "x.png" },
        lockedBy: null,
      });
      expect(await store.get(bad.run.id)).toMatchObject({
        status: "failed",
        error: { message: "no" },
      });
      expect(await store.get(failureRun.id)).toMatchObject({ status: "queued" });
      expect(await store.countUnfinished(at(2))).toBe(1);
      expect(await store.claimDue(claimOptions("a", at(2)))).toHaveLength(1);
    });

    it("never lets a concurrency key run more than its limit, counting runs already executing", async () => {
      const client = (id: string) => [{ key: `fn:app-fn:key:${id}`, limit: 2 }];
      const a = [];
      for (let i = 0; i < 3; i += 1) {
        a.push(
          (await store.createIfAbsent(aNewRun({ nextRunAt: at(i), concurrency: client("a") }))).run,
        );
      }
      const b = await store.createIfAbsent(aNewRun({ nextRunAt: at(3), concurrency: client("b") }));
      const free = await store.createIfAbsent(aNewRun({ nextRunAt: at(4) }));

      const first = await store.claimDue(claimOptions("p1", at(10)));
      expect(first.map((r) => r.id)).toEqual([a[0]?.id, a[1]?.id, b.run.id, free.run.id]);
      expect(first[0]?.concurrency).toEqual(client("a"));
      // Another process finds key "a" full while its two runs hold their leases.
      expect(await store.claimDue(claimOptions("p2", at(20)))).toEqual([]);

      await store.complete(a[0]?.id ?? "", "p1", emptyProgress(), null);
      const second = await store.claimDue(claimOptions("p2", at(30)));
      expect(second.map((r) => r.id)).toEqual([a[2]?.id]);
    });

    it("lets keys take turns when it cannot claim every eligible run", async () => {
      const client = (id: string) => [{ key: `fn:app-fn:key:${id}`, limit: 3 }];
      const busy = [];
      for (let i = 0; i < 5; i += 1) {
        busy.push(
          (await store.createIfAbsent(aNewRun({ nextRunAt: at(i), concurrency: client("busy") })))
            .run,
        );
      }
      const late = await store.createIfAbsent(
        aNewRun({ nextRunAt: at(10), concurrency: client("late") }),
      );
      const later = await store.createIfAbsent(
        aNewRun({ nextRunAt: at(11), concurrency: client("later") }),
      );

      // Two free slots: the busy key's first run and the late key's, not the busy key's second.
      const first = await store.claimDue(claimOptions("p1", at(20), 2));
      expect(first.map((r) => r.id)).toEqual([busy[0]?.id, late.run.id]);
      // One slot: the key holding none goes before the busy key, which holds one already.
      const second = await store.claimDue(claimOptions("p1", at(21), 1));
      expect(second.map((r) => r.id)).toEqual([later.run.id]);
      // Then the backlog in due order, up to its limit.
      const third = await store.claimDue(claimOptions("p2", at(22), 5));
      expect(third.map((r) => r.id)).toEqual([busy[1]?.id, busy[2]?.id]);
    });

    it("needs a free slot in every key of a run, and a waiting run holds none", async () => {
      const shared = { key: "env:key:openai", limit: 1 };
      const waiting = await store.createIfAbsent(aNewRun({ concurrency: [shared] }));
      await store.claimDue(claimOptions("p1", at(1)));
      // Released to wait (a sleep, a retry's backoff): its slot is free for another run.
      await store.release(waiting.run.id, "p1", emptyProgress(), at(5_000));
      const other = await store.createIfAbsent(
        aNewRun({ nextRunAt: at(2), concurrency: [{ key: "fn:app-fn:key:x", limit: 5 }, shared] }),
      );
      const third = await store.createIfAbsent(
        aNewRun({ nextRunAt: at(3), concurrency: [shared] }),
      );

      expect((await store.claimDue(claimOptions("p1", at(10)))).map((r) => r.id)).toEqual([
        other.run.id,
      ]);
      // Key x has room, but "openai" is full: the third run waits.
      expect(await store.claimDue(claimOptions("p2", at(11)))).toEqual([]);
      expect(third.created).toBe(true);
    });

    it("frees the slot of an expired lease, which its old owner can no longer extend", async () => {
      const slot = [{ key: "fn:app-fn", limit: 1 }];
      const stalled = await store.createIfAbsent(aNewRun({ concurrency: slot }));
      const next = await store.createIfAbsent(aNewRun({ nextRunAt: at(1), concurrency: slot }));
      await store.claimDue(claimOptions("stalled", at(1)));
      expect(await store.claimDue(claimOptions("b", at(500)))).toEqual([]);

      // The lease ran out at 1,001: the stalled owner cannot revive it, by renewing or saving…
      expect(await store.renewLease(stalled.run.id, "stalled", at(9_000), at(2_000))).toBe(false);
      await expect(
        store.saveProgress(stalled.run.id, "stalled", emptyProgress(), at(9_000), at(2_000)),
      ).rejects.toThrow(LeaseLostError);
      // … and the slot is free for one run again.
      const taken = await store.claimDue(claimOptions("b", at(2_000)));
      expect(taken.map((r) => r.id)).toEqual([stalled.run.id]);
      expect(await store.claimDue(claimOptions("c", at(2_001)))).toEqual([]);
      expect(next.created).toBe(true);
    });

    it("moves a cron cursor only from where it is, creating the ticks' runs with it", async () => {
      const tick = (id: string, at_: Date) =>
        aNewRun({
          eventId: id,
          event: { id, name: "inngest/scheduled.timer", data: {}, ts: at_.getTime() },
          nextRunAt: at_,
        });
      expect(await store.getCronCursor(FUNCTION, "0 * * * *")).toBeNull();
      const first = tick("2026-01-01T01:00:00Z", at(3_600_000));
      expect(
        await store.advanceCron({
          functionId: FUNCTION,
          schedule: "0 * * * *",
          from: null,
          to: at(3_600_000),
          runs: [first],
        }),
      ).toBe(true);
      // A second scheduler that read "no cursor" too loses, and creates nothing.
      const rival = tick("2026-01-01T01:00:00Z", at(3_600_000));
      expect(
        await store.advanceCron({
          functionId: FUNCTION,
          schedule: "0 * * * *",
          from: null,
          to: at(3_600_000),
          runs: [rival],
        }),
      ).toBe(false);
      expect(await store.get(rival.id)).toBeUndefined();
      expect((await store.getCronCursor(FUNCTION, "0 * * * *"))?.getTime()).toBe(
        at(3_600_000).getTime(),
      );

      const second = tick("2026-01-01T02:00:00Z", at(7_200_000));
      expect(
        await store.advanceCron({
          functionId: FUNCTION,
          schedule: "0 * * * *",
          from: at(3_600_000),
          to: at(7_200_000),
          runs: [second],
        }),
      ).toBe(true);
      expect(
        await store.advanceCron({
          functionId: FUNCTION,
          schedule: "0 * * * *",
          from: at(3_600_000),
          to: at(7_200_000),
          runs: [],
        }),
      ).toBe(false);
      // Ticks scheduled for later that have not begun are not unfinished work…
      expect(await store.countUnfinished(at(0))).toBe(0);
      // … until they are due.
      expect(await store.countUnfinished(at(3_600_000))).toBe(1);
      // Schedules are independent per function and expression.
      expect(await store.getCronCursor(FUNCTION, "0 3 * * *")).toBeNull();
      expect(await store.get(first.id)).toMatchObject({
        status: "queued",
        nextRunAt: at(3_600_000),
      });
      expect(await store.get(second.id)).toMatchObject({ eventId: "2026-01-01T02:00:00Z" });
    });

    it("stores a null output", async () => {
      const { run } = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("a", at(1)));
      await store.complete(run.id, "a", emptyProgress(), null);
      expect(await store.get(run.id)).toMatchObject({ status: "completed", output: null });
    });
  });
}
