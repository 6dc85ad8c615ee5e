// The embedded runner's RunStore port over the app's `workflow_runs` table, on PGlite or
// PostgreSQL. It passes the runner package's store contract (prisma-run-store.test.ts).
import { Prisma, type PrismaClient } from "@garment/db";
import {
  type ClaimOptions,
  type InngestEvent,
  LeaseLostError,
  type MemoizedStep,
  type NewRun,
  type RunProgress,
  type RunStatus,
  type RunStore,
  type SerializedError,
  type WorkflowRunRecord,
} from "@garment/inngest-runner";

type WorkflowRunRow = Prisma.WorkflowRunModel;

// `workflow_runs` has no columns for the runner's own bookkeeping (the parallel flag and
// pending sleeps), so it rides along in `steps` under a key no hashed step id (40 hex
// characters) can take, and is split off again on read.
const RUNNER_META_KEY = "$runner";

interface RunnerMeta {
  disableImmediateExecution: boolean;
  sleeps: Record<string, string>;
}

export class PrismaRunStore implements RunStore {
  constructor(private readonly db: PrismaClient) {}

  async createIfAbsent(run: NewRun) {
    // ON CONFLICT DO NOTHING on (function_id, event_id): concurrent sends create one run.
    await this.db.workflowRun.createMany({ data: [toCreateInput(run)], skipDuplicates: true });
    const row = await this.db.workflowRun.findUniqueOrThrow({
      where: { functionId_eventId: { functionId: run.functionId, eventId: run.eventId } },
    });
    return { run: fromRow(row), created: row.id === run.id };
  }

  async claimDue({ owner, limit, now, leaseUntil, functionIds }: ClaimOptions) {
    if (limit <= 0 || functionIds.length === 0) return [];
    // SKIP LOCKED: concurrent claimers (other processes on PostgreSQL) never take the same run,
    // and never wait on each other.
    const claimed = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE workflow_runs
      SET status = 'running', locked_by = ${owner}, locked_until = ${leaseUntil}, updated_at = ${now}
      WHERE id IN (
        SELECT id FROM workflow_runs
        WHERE status IN ('queued', 'running')
          AND next_run_at <= ${now}
          AND (locked_until IS NULL OR locked_until < ${now})
          AND function_id IN (${Prisma.join(functionIds)})
        ORDER BY next_run_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id`;
    if (claimed.length === 0) return [];
    const rows = await this.db.workflowRun.findMany({
      where: { id: { in: claimed.map((row) => row.id) }, lockedBy: owner },
      orderBy: { nextRunAt: "asc" },
    });
    return rows.map(fromRow);
  }

  async renewLease(runId: string, owner: string, leaseUntil: Date) {
    const { count } = await this.db.workflowRun.updateMany({
      where: { id: runId, lockedBy: owner, status: "running" },
      data: { lockedUntil: leaseUntil },
    });
    return count === 1;
  }

  async saveProgress(runId: string, owner: string, progress: RunProgress, leaseUntil: Date) {
    await this.updateOwned(runId, owner, { ...progressColumns(progress), lockedUntil: leaseUntil });
  }

  async release(runId: string, owner: string, progress: RunProgress, nextRunAt: Date) {
    await this.updateOwned(runId, owner, {
      ...progressColumns(progress),
      status: "queued",
      nextRunAt,
      lockedBy: null,
      lockedUntil: null,
    });
  }

  async complete(runId: string, owner: string, progress: RunProgress, output: unknown) {
    await this.updateOwned(runId, owner, {
      ...progressColumns(progress),
      status: "completed",
      output: output === null || output === undefined ? Prisma.JsonNull : toJson(output),
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
    // Short, and only through `tx`: on PGlite the outer client would deadlock in here.
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.workflowRun.updateMany({
        where: { id: runId, lockedBy: owner },
        data: {
          ...progressColumns(progress),
          status: "failed",
          error: toJson(error),
          lockedBy: null,
          lockedUntil: null,
          updatedAt: new Date(),
        },
      });
      if (count !== 1) throw new LeaseLostError(runId, owner);
      if (failureRun) {
        await tx.workflowRun.createMany({
          data: [toCreateInput(failureRun)],
          skipDuplicates: true,
        });
      }
    });
  }

  async get(runId: string) {
    const row = await this.db.workflowRun.findUnique({ where: { id: runId } });
    return row ? fromRow(row) : undefined;
  }

  async countUnfinished() {
    return this.db.workflowRun.count({ where: { status: { in: ["queued", "running"] } } });
  }

  private async updateOwned(
    runId: string,
    owner: string,
    data: Prisma.WorkflowRunUpdateManyMutationInput,
  ) {
    const { count } = await this.db.workflowRun.updateMany({
      where: { id: runId, lockedBy: owner },
      data: { ...data, updatedAt: new Date() },
    });
    if (count !== 1) throw new LeaseLostError(runId, owner);
  }
}

function toCreateInput(run: NewRun): Prisma.WorkflowRunCreateManyInput {
  return {
    id: run.id,
    functionId: run.functionId,
    eventId: run.eventId,
    event: toJson(run.event),
    steps: toJson(stepsColumn({}, { disableImmediateExecution: false, sleeps: {} })),
    stack: [],
    status: "queued",
    nextRunAt: run.nextRunAt,
  };
}

function progressColumns(progress: RunProgress) {
  return {
    steps: toJson(
      stepsColumn(progress.steps, {
        disableImmediateExecution: progress.disableImmediateExecution,
        sleeps: progress.sleeps,
      }),
    ),
    stack: progress.stack,
    attempt: progress.attempt,
    pendingStep: progress.pendingStep,
  };
}

function stepsColumn(steps: Record<string, MemoizedStep>, meta: RunnerMeta) {
  return { ...steps, [RUNNER_META_KEY]: meta };
}

function fromRow(row: WorkflowRunRow): WorkflowRunRecord {
  // Only this store writes these JSON columns, always from the shapes read back here.
  const { [RUNNER_META_KEY]: rawMeta, ...steps } = (row.steps ?? {}) as Record<string, unknown>;
  const meta = (rawMeta ?? {}) as Partial<RunnerMeta>;
  return {
    id: row.id,
    functionId: row.functionId,
    eventId: row.eventId,
    event: row.event as unknown as InngestEvent,
    steps: steps as Record<string, MemoizedStep>,
    stack: row.stack,
    attempt: row.attempt,
    pendingStep: row.pendingStep,
    disableImmediateExecution: meta.disableImmediateExecution ?? false,
    sleeps: meta.sleeps ?? {},
    status: row.status as RunStatus,
    nextRunAt: row.nextRunAt,
    lockedBy: row.lockedBy,
    lockedUntil: row.lockedUntil,
    output: row.output,
    error: row.error as SerializedError | null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Values here came out of JSON (SDK responses, events), so they are JSON-safe. */
function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
