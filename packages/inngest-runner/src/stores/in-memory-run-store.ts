// A RunStore in process memory, for tests. Records are copied in and out so callers can't
// mutate stored state by accident (as with a database).
import type { CronAdvance, NewRun, RunProgress, RunStore, WorkflowRunRecord } from "./run-store";
import { LeaseLostError, emptyProgress } from "./run-store";
import { selectClaimable } from "../concurrency";
import type { SerializedError } from "../protocol";

export class InMemoryRunStore implements RunStore {
  private readonly runs = new Map<string, WorkflowRunRecord>();
  private readonly cronCursors = new Map<string, Date>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async createIfAbsent(run: NewRun) {
    const existing = [...this.runs.values()].find(
      (r) => r.functionId === run.functionId && r.eventId === run.eventId,
    );
    if (existing) return { run: structuredClone(existing), created: false };
    const now = this.now();
    const record: WorkflowRunRecord = {
      ...structuredClone(run),
      ...emptyProgress(),
      status: "queued",
      lockedBy: null,
      lockedUntil: null,
      output: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    };
    this.runs.set(run.id, record);
    return { run: structuredClone(record), created: true };
  }

  async claimDue({
    owner,
    limit,
    now,
    leaseUntil,
    functionIds,
  }: Parameters<RunStore["claimDue"]>[0]) {
    const runs = [...this.runs.values()];
    const held = new Map<string, number>();
    for (const run of runs) {
      if (!holdsLease(run, now)) continue;
      for (const { key } of run.concurrency) held.set(key, (held.get(key) ?? 0) + 1);
    }
    const chosen = selectClaimable(
      runs.filter(
        (r) =>
          (r.status === "queued" || r.status === "running") &&
          functionIds.includes(r.functionId) &&
          r.nextRunAt <= now &&
          (r.lockedUntil === null || r.lockedUntil < now),
      ),
      held,
      Math.max(0, limit),
    );
    const due = chosen.map((id) => this.runs.get(id)).filter((run) => run !== undefined);
    for (const run of due) {
      Object.assign(run, { status: "running", lockedBy: owner, lockedUntil: leaseUntil });
      run.updatedAt = this.now();
    }
    return due.map((run) => structuredClone(run));
  }

  async renewLease(runId: string, owner: string, leaseUntil: Date, now: Date) {
    const run = this.runs.get(runId);
    if (!run || run.lockedBy !== owner || !holdsLease(run, now)) return false;
    run.lockedUntil = leaseUntil;
    return true;
  }

  async saveProgress(
    runId: string,
    owner: string,
    progress: RunProgress,
    leaseUntil: Date,
    now: Date,
  ) {
    const run = this.runs.get(runId);
    if (!run || !holdsLease(run, now)) throw new LeaseLostError(runId, owner);
    this.update(runId, owner, { ...structuredClone(progress), lockedUntil: leaseUntil });
  }

  async release(runId: string, owner: string, progress: RunProgress, nextRunAt: Date) {
    this.update(runId, owner, {
      ...structuredClone(progress),
      status: "queued",
      nextRunAt,
      lockedBy: null,
      lockedUntil: null,
    });
  }

  async complete(runId: string, owner: string, progress: RunProgress, output: unknown) {
    this.update(runId, owner, {
      ...structuredClone(progress),
      status: "completed",
      output: structuredClone(output),
      lockedBy: null,
      lockedUntil: null,
    });
  }

  async fail(
    runId: string,
    owner: string,
    progress: RunProgress,
    error: SerializedError,
    failureRun?: NewRun,
  ) {
    this.update(runId, owner, {
      ...structuredClone(progress),
      status: "failed",
      error: structuredClone(error),
      lockedBy: null,
      lockedUntil: null,
    });
    if (failureRun) await this.createIfAbsent(failureRun);
  }

  async getCronCursor(functionId: string, schedule: string) {
    return this.cronCursors.get(JSON.stringify([functionId, schedule])) ?? null;
  }

  async advanceCron({ functionId, schedule, from, to, runs }: CronAdvance) {
    const key = JSON.stringify([functionId, schedule]);
    if ((this.cronCursors.get(key)?.getTime() ?? null) !== (from?.getTime() ?? null)) return false;
    this.cronCursors.set(key, new Date(to));
    for (const run of runs) await this.createIfAbsent(run);
    return true;
  }

  async get(runId: string) {
    const run = this.runs.get(runId);
    return run && structuredClone(run);
  }

  async countUnfinished(now: Date) {
    return [...this.runs.values()].filter(
      (r) =>
        r.status === "running" ||
        (r.status === "queued" && (r.nextRunAt <= now || r.attempt > 0 || r.stack.length > 0)),
    ).length;
  }

  /** Every run, for assertions in tests. */
  all(): WorkflowRunRecord[] {
    return [...this.runs.values()].map((run) => structuredClone(run));
  }

  private update(runId: string, owner: string, patch: Partial<WorkflowRunRecord>) {
    const run = this.runs.get(runId);
    if (!run || run.lockedBy !== owner) throw new LeaseLostError(runId, owner);
    Object.assign(run, patch, { updatedAt: this.now() });
  }
}

/** Running under a lease that has not expired: the run holds its concurrency slots. */
function holdsLease(run: WorkflowRunRecord, now: Date): boolean {
  return run.status === "running" && run.lockedUntil !== null && run.lockedUntil >= now;
}
