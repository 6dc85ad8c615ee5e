// The executor's decision after one call, as a pure function of the run's progress and the
// SDK's answer: what to memoize, and whether to call again now, wait, complete or fail.
import { durationToMs } from "inngest";
import { type BackoffOptions, nextRetryAt } from "./backoff";
import {
  type CallOutcome,
  DISCOVERY_STEP_ID,
  type MemoizedStep,
  type OutgoingOp,
  type SerializedError,
  opCodes,
  toSerializedError,
} from "./protocol";
import { stepLimitError } from "./defaults";
import type { RunProgress } from "./stores/run-store";

export type NextMove =
  /** Call again at once: the planned steps one by one, then the pending step or discovery. */
  | { kind: "call"; planned: string[] }
  /** Nothing to do before `until` (a retry's backoff, a sleep). */
  | { kind: "wait"; until: Date }
  | { kind: "complete"; output: unknown }
  | { kind: "fail"; error: SerializedError };

export interface Advance {
  progress: RunProgress;
  next: NextMove;
}

export interface AdvanceContext {
  /** The `stepId` the call was made with. */
  stepId: string;
  maxAttempts: number;
  now: Date;
  backoff: BackoffOptions;
  /** The step cap (MAX_STEPS_PER_RUN unless configured). */
  maxSteps: number;
}

export function advanceRun(
  progress: RunProgress,
  outcome: CallOutcome,
  context: AdvanceContext,
): Advance {
  switch (outcome.kind) {
    case "returned":
      return { progress, next: { kind: "complete", output: outcome.output } };
    case "final-error":
      return { progress, next: { kind: "fail", error: outcome.error } };
    case "retriable-error":
      return retryCall(progress, context.stepId, outcome.error, outcome.retryAfter, context);
    case "ops":
      // One answer may not plan more steps than a run may have (Inngest refuses it too).
      if (outcome.ops.length > context.maxSteps)
        return { progress, next: { kind: "fail", error: stepLimitError(context.maxSteps) } };
      return applyOps(progress, outcome.ops, outcome.retryAfter, context);
  }
}

/** Inngest checks the cap before each call: a run with `maxSteps` memoized steps fails. */
export function exceedsStepLimit(progress: RunProgress, maxSteps: number): boolean {
  return Object.keys(progress.steps).length >= maxSteps;
}

/** Memoizes sleeps whose time has come, in wake-up order, before the next call. */
export function wakeDueSleeps(progress: RunProgress, now: Date): RunProgress {
  const due = Object.entries(progress.sleeps)
    .filter(([, wakeAt]) => Date.parse(wakeAt) <= now.getTime())
    .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b));
  if (due.length === 0) return progress;
  let next: RunProgress = { ...progress, sleeps: { ...progress.sleeps } };
  for (const [id] of due) {
    delete next.sleeps[id];
    next = memoize(next, id, { data: null });
  }
  return next;
}

/** The next time the run has anything to do while it only waits for sleeps. */
export function earliestWake(progress: RunProgress): Date | undefined {
  const times = Object.values(progress.sleeps).map((iso) => Date.parse(iso));
  return times.length ? new Date(Math.min(...times)) : undefined;
}

function retryCall(
  progress: RunProgress,
  stepId: string,
  error: SerializedError,
  retryAfter: string | undefined,
  { maxAttempts, now, backoff }: AdvanceContext,
): Advance {
  const attempt = progress.attempt + 1;
  // The SDK itself answers non-retriably on the last attempt; this guards a misbehaving answer.
  if (attempt >= maxAttempts) return { progress, next: { kind: "fail", error } };
  return {
    progress: {
      ...progress,
      attempt,
      pendingStep: stepId === DISCOVERY_STEP_ID ? null : stepId,
    },
    next: { kind: "wait", until: nextRetryAt(progress.attempt, retryAfter, now, backoff) },
  };
}

function applyOps(
  start: RunProgress,
  ops: OutgoingOp[],
  retryAfter: string | undefined,
  context: AdvanceContext,
): Advance {
  let progress: RunProgress = { ...start, sleeps: { ...start.sleeps } };
  let memoized = false;
  const planned: string[] = [];

  for (const op of ops) {
    switch (op.op) {
      case opCodes.runComplete:
        return { progress, next: { kind: "complete", output: op.data ?? null } };
      case opCodes.stepRun:
        progress = memoize(progress, op.id, { data: op.data ?? null });
        memoized = true;
        break;
      case opCodes.stepFailed:
        // Final: the SDK throws a StepError at the step's call site on the next call.
        progress = memoize(progress, op.id, { error: toSerializedError(op.error) });
        memoized = true;
        break;
      case opCodes.stepError: {
        if (progress.attempt + 1 >= context.maxAttempts) {
          progress = memoize(progress, op.id, { error: toSerializedError(op.error) });
          memoized = true;
          break;
        }
        return retryCall(progress, op.id, toSerializedError(op.error), retryAfter, context);
      }
      case opCodes.stepPlanned:
        planned.push(op.id);
        break;
      case opCodes.sleep: {
        // Inngest starts the sleep when it is first reported; keep that time across calls.
        const wakeAt = progress.sleeps[op.id] ?? sleepWakeTime(op, context.now).toISOString();
        progress.sleeps[op.id] = wakeAt;
        break;
      }
      default:
        return {
          progress,
          next: {
            kind: "fail",
            error: {
              name: "UnsupportedStepError",
              message: `The embedded Inngest runner does not implement the "${op.op}" step op (step "${op.displayName ?? op.name ?? op.id}"); run this function with an Inngest server.`,
            },
          },
        };
    }
  }

  if (memoized) progress = { ...progress, attempt: 0, pendingStep: null };
  if (planned.length > 1) progress = { ...progress, disableImmediateExecution: true };
  if (planned.length > 0 || memoized) return { progress, next: { kind: "call", planned } };
  const wake = earliestWake(progress);
  if (wake) return { progress, next: { kind: "wait", until: wake } };
  return {
    progress,
    next: {
      kind: "fail",
      error: { name: "ProtocolError", message: "The SDK answered 206 without any step op." },
    },
  };
}

function memoize(progress: RunProgress, id: string, result: MemoizedStep): RunProgress {
  return {
    ...progress,
    steps: { ...progress.steps, [id]: result },
    stack: progress.stack.includes(id) ? progress.stack : [...progress.stack, id],
  };
}

/** `step.sleep` reports a time string ("1m30s"), `step.sleepUntil` an ISO date, in `name`. */
function sleepWakeTime(op: OutgoingOp, now: Date): Date {
  const spec = op.name ?? "";
  if (spec === "") return now;
  if (/^\d{4}-\d{2}-\d{2}T/.test(spec)) return new Date(Date.parse(spec));
  return new Date(
    now.getTime() + durationToMs(spec, { name: `sleep "${op.displayName ?? op.id}"` }),
  );
}
