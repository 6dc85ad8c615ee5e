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
  return { id: ulid(), functionId: FUNCTION, eventId, event, nextRunAt: t0, ...overrides };
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
      await expect(store.saveProgress(run.id, "dead", emptyProgress(), at(6_000))).rejects.toThrow(
        LeaseLostError,
      );
      expect(await store.renewLease(run.id, "dead", at(9_000))).toBe(false);
      expect(await store.renewLease(run.id, "b", at(9_000))).toBe(true);
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
      await store.saveProgress(run.id, "a", progress, at(2_000));
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
      expect(await store.countUnfinished()).toBe(2);

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
      expect(await store.countUnfinished()).toBe(1);
      expect(await store.claimDue(claimOptions("a", at(2)))).toHaveLength(1);
    });

    it("stores a null output", async () => {
      const { run } = await store.createIfAbsent(aNewRun());
      await store.claimDue(claimOptions("a", at(1)));
      await store.complete(run.id, "a", emptyProgress(), null);
      expect(await store.get(run.id)).toMatchObject({ status: "completed", output: null });
    });
  });
}
