// Where the embedded runner keeps its runs. Every write after a claim is fenced by the lease
// owner, so a process that lost its lease (it stalled past `lockedUntil` and someone else
// claimed the run) can no longer overwrite the run.
import type { ConcurrencySlot } from "../concurrency";
import type { InngestEvent, MemoizedStep, SerializedError } from "../protocol";

/**
 * queued: waiting for `nextRunAt` (new, retrying, sleeping, or released at shutdown);
 * running: leased by `lockedBy` until `lockedUntil`; completed / failed: terminal.
 */
export type RunStatus = "queued" | "running" | "completed" | "failed";

/** The executor's memory of one run: everything needed to make its next call. */
export interface RunProgress {
  /** Memoized results by hashed step id. */
  steps: Record<string, MemoizedStep>;
  /** Hashed step ids in completion order (`ctx.stack.stack`). */
  stack: string[];
  /** Attempt number of the next call (0-based); reset when a step completes. */
  attempt: number;
  /** A step to run with `stepId=<id>` next (a retry), instead of discovering. */
  pendingStep: string | null;
  /** Set once steps were planned in parallel; sent on every later call of the run. */
  disableImmediateExecution: boolean;
  /** Sleeps reported but not over: hashed step id → ISO wake-up time. */
  sleeps: Record<string, string>;
}

export interface WorkflowRunRecord extends RunProgress {
  id: string;
  functionId: string;
  /** Dedupe key within the function: the event id (or the function's idempotency key). */
  eventId: string;
  event: InngestEvent;
  /** The concurrency keys it holds while executing, with their limits. */
  concurrency: ConcurrencySlot[];
  status: RunStatus;
  nextRunAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  output: unknown;
  error: SerializedError | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewRun {
  id: string;
  functionId: string;
  eventId: string;
  event: InngestEvent;
  nextRunAt: Date;
  /** Evaluated from the event when the run is created, as Inngest does. */
  concurrency: ConcurrencySlot[];
}

export interface ClaimOptions {
  owner: string;
  limit: number;
  now: Date;
  leaseUntil: Date;
  /** Functions this process cannot run (another app's); their runs are left alone. */
  functionIds: string[];
}

/** Moving a cron schedule's cursor, with the runs of the ticks it passes. */
export interface CronAdvance {
  functionId: string;
  /** The trigger's expression as written. */
  schedule: string;
  /** Where the cursor must still be (null: the schedule has none yet). */
  from: Date | null;
  /** The last tick whose run is created by this move. */
  to: Date;
  runs: NewRun[];
}

export class LeaseLostError extends Error {
  constructor(runId: string, owner: string) {
    super(`Run ${runId} is no longer leased by ${owner}; another runner took it over.`);
    this.name = "LeaseLostError";
  }
}

export interface RunStore {
  /** Creates the run unless one exists for (functionId, eventId); returns the one that exists. */
  createIfAbsent(run: NewRun): Promise<{ run: WorkflowRunRecord; created: boolean }>;
  /**
   * Leases up to `limit` due runs: queued with `nextRunAt <= now`, or running with an expired
   * lease (their process died); in due order, skipping runs whose concurrency keys have no free
   * slot (a slot is held by each running run with an unexpired lease; see `selectClaimable`).
   * Safe against concurrent claimers, in other processes too: no key ever exceeds its limit.
   */
  claimDue(options: ClaimOptions): Promise<WorkflowRunRecord[]>;
  /**
   * Extends a lease still held at `now`; false when it expired or was taken (an expired lease
   * gave its concurrency slot away, so it cannot be revived).
   */
  renewLease(runId: string, owner: string, leaseUntil: Date, now: Date): Promise<boolean>;
  /** Persists progress after a step and extends a lease still held at `now`. Throws LeaseLostError. */
  saveProgress(
    runId: string,
    owner: string,
    progress: RunProgress,
    leaseUntil: Date,
    now: Date,
  ): Promise<void>;
  /** Gives the run back to the queue, due at `nextRunAt`. Throws LeaseLostError. */
  release(runId: string, owner: string, progress: RunProgress, nextRunAt: Date): Promise<void>;
  /** Terminal success. Throws LeaseLostError. */
  complete(runId: string, owner: string, progress: RunProgress, output: unknown): Promise<void>;
  /**
   * Terminal failure, and atomically with it the failure handler's run when there is one, so a
   * crash cannot lose it. Throws LeaseLostError.
   */
  fail(
    runId: string,
    owner: string,
    progress: RunProgress,
    error: SerializedError,
    failureRun?: NewRun,
  ): Promise<void>;
  /** The last tick of a cron schedule whose run was created, or null before its first. */
  getCronCursor(functionId: string, schedule: string): Promise<Date | null>;
  /**
   * Moves a cron schedule's cursor from `from` to `to` and creates the ticks' runs with it,
   * atomically (runs that exist already are kept); false, creating nothing, when another
   * runner moved it first. This is what makes each tick run once across processes.
   */
  advanceCron(move: CronAdvance): Promise<boolean>;
  get(runId: string): Promise<WorkflowRunRecord | undefined>;
  /**
   * Runs not yet completed or failed, leaving out those scheduled after `now` that have not
   * begun (no attempt, no memoized step: a cron's next tick).
   */
  countUnfinished(now: Date): Promise<number>;
}

export function emptyProgress(): RunProgress {
  return {
    steps: {},
    stack: [],
    attempt: 0,
    pendingStep: null,
    disableImmediateExecution: false,
    sleeps: {},
  };
}
