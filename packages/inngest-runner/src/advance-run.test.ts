import { describe, expect, it } from "vitest";
import { advanceRun, wakeDueSleeps } from "./advance-run";
import { inngestBackoff } from "./backoff";
import type { CallOutcome } from "./protocol";
import { emptyProgress } from "./stores/run-store";

const now = new Date("2026-01-01T00:00:00.000Z");
const context = {
  stepId: "step",
  maxAttempts: 3,
  now,
  backoff: { ...inngestBackoff, jitterMs: 0 },
  maxSteps: 1_000,
};
const ops = (...list: Record<string, unknown>[]): CallOutcome =>
  ({ kind: "ops", ops: list, retryAfter: undefined }) as CallOutcome;

describe("advanceRun", () => {
  it("memoizes a step that ran and calls again", () => {
    const { progress, next } = advanceRun(
      { ...emptyProgress(), attempt: 2, pendingStep: "a" },
      ops({ id: "a", op: "StepRun", data: { x: 1 } }),
      { ...context, stepId: "a" },
    );
    expect(next).toEqual({ kind: "call", planned: [] });
    expect(progress).toMatchObject({
      steps: { a: { data: { x: 1 } } },
      stack: ["a"],
      attempt: 0,
      pendingStep: null,
    });
  });

  it("schedules a retriable step error for the same step with backoff", () => {
    const { progress, next } = advanceRun(
      emptyProgress(),
      ops({ id: "a", op: "StepError", error: { name: "Error", message: "x" } }),
      context,
    );
    expect(progress).toMatchObject({ attempt: 1, pendingStep: "a", steps: {} });
    expect(next.kind).toBe("wait");
    const delay = next.kind === "wait" ? next.until.getTime() - now.getTime() : 0;
    // Inngest's table: 15 s after the first failed attempt.
    expect(delay).toBe(15_000);
  });

  it("follows Inngest's backoff table by the attempt that failed, repeating its last entry", () => {
    const delayAfter = (attempt: number) => {
      const { next } = advanceRun(
        { ...emptyProgress(), attempt },
        { kind: "retriable-error", error: { name: "Error", message: "x" }, retryAfter: undefined },
        { ...context, maxAttempts: 21 },
      );
      return next.kind === "wait" ? (next.until.getTime() - now.getTime()) / 1_000 : NaN;
    };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15].map(delayAfter)).toEqual([
      15, 30, 60, 120, 300, 600, 1200, 2400, 3600, 7200, 7200,
    ]);
  });

  it("clips retry-after to between 1 s and 24 h away, as Inngest does", () => {
    const retryAt = (retryAfter: string) => {
      const { next } = advanceRun(
        emptyProgress(),
        { kind: "retriable-error", error: { name: "Error", message: "x" }, retryAfter },
        context,
      );
      return next.kind === "wait" ? next.until.getTime() - now.getTime() : NaN;
    };
    expect(retryAt(new Date(now.getTime() + 100).toISOString())).toBe(1_000);
    expect(retryAt(new Date(now.getTime() + 3 * 86_400_000).toISOString())).toBe(86_400_000);
    expect(retryAt("90")).toBe(90_000);
  });

  it("fails an answer that plans more steps than the step cap", () => {
    const planned = Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, op: "StepPlanned" }));
    const { next } = advanceRun(emptyProgress(), ops(...planned), { ...context, maxSteps: 3 });
    expect(next).toMatchObject({ kind: "fail", error: { name: "InngestErrFunctionOverflowed" } });
  });

  it("uses retry-after when the SDK sends it", () => {
    const { next } = advanceRun(
      emptyProgress(),
      { kind: "retriable-error", error: { name: "Error", message: "x" }, retryAfter: "30" },
      context,
    );
    expect(next).toEqual({ kind: "wait", until: new Date(now.getTime() + 30_000) });
  });

  it("memoizes a step error as final when the SDK says retriable on the last attempt", () => {
    const { progress, next } = advanceRun(
      { ...emptyProgress(), attempt: 2, pendingStep: "a" },
      ops({ id: "a", op: "StepError", error: { name: "Error", message: "x" } }),
      { ...context, stepId: "a" },
    );
    expect(next).toEqual({ kind: "call", planned: [] });
    expect(progress.steps.a).toEqual({ error: { name: "Error", message: "x" } });
  });

  it("fails when a function-level error has no attempts left", () => {
    const error = { name: "Error", message: "boom" };
    const { next } = advanceRun(
      { ...emptyProgress(), attempt: 2 },
      { kind: "retriable-error", error, retryAfter: undefined },
      context,
    );
    expect(next).toEqual({ kind: "fail", error });
  });

  it("plans parallel steps and turns immediate execution off", () => {
    const { progress, next } = advanceRun(
      emptyProgress(),
      ops({ id: "a", op: "StepPlanned" }, { id: "b", op: "StepPlanned" }),
      context,
    );
    expect(next).toEqual({ kind: "call", planned: ["a", "b"] });
    expect(progress.disableImmediateExecution).toBe(true);
  });

  it("keeps a sleep's wake-up time from its first report, and memoizes it when due", () => {
    const first = advanceRun(emptyProgress(), ops({ id: "s", op: "Sleep", name: "1h" }), context);
    expect(first.next).toEqual({ kind: "wait", until: new Date(now.getTime() + 3_600_000) });
    const later = new Date(now.getTime() + 60_000);
    const again = advanceRun(first.progress, ops({ id: "s", op: "Sleep", name: "1h" }), {
      ...context,
      now: later,
    });
    expect(again.next).toEqual({ kind: "wait", until: new Date(now.getTime() + 3_600_000) });

    const woken = wakeDueSleeps(again.progress, new Date(now.getTime() + 3_600_000));
    expect(woken).toMatchObject({ steps: { s: { data: null } }, stack: ["s"], sleeps: {} });
  });

  it("fails on ops it does not implement", () => {
    const { next } = advanceRun(
      emptyProgress(),
      ops({ id: "i", op: "InvokeFunction", displayName: "call-other" }),
      context,
    );
    expect(next).toMatchObject({ kind: "fail", error: { name: "UnsupportedStepError" } });
  });

  it("completes on a 200 or a RunComplete op", () => {
    expect(advanceRun(emptyProgress(), { kind: "returned", output: 5 }, context).next).toEqual({
      kind: "complete",
      output: 5,
    });
    expect(
      advanceRun(emptyProgress(), ops({ id: "c", op: "RunComplete", data: 6 }), context).next,
    ).toEqual({
      kind: "complete",
      output: 6,
    });
  });
});
