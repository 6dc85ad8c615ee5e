// The embedded runner's RunStore port over the app's `workflow_runs` table, on PGlite or
// PostgreSQL. It passes the runner package's store contract (prisma-run-store.test.ts).
import { Prisma, type PrismaClient } from "@garment/db";
import {
  type ClaimOptions,
  type CronAdvance,
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

/** The advisory lock key that serialises claims (any constant; "runs" in ASCII). */
const CLAIM_LOCK = 0x72756e73;

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
    // Concurrency limits span processes, so claims are serialised by a transaction-scoped
    // advisory lock: each claim counts the slots held (running, unexpired lease) after every
    // earlier claim committed. The rule is the package's `selectClaimable`: in due order, a run
    // is taken only while each of its keys, counting the runs picked before it, has room; when
    // not all can be taken, the runs whose keys would be least occupied go first (keys take
    // turns, so one client's backlog never holds back another client's first run).
    const claimed = await this.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CLAIM_LOCK})`;
      return tx.$queryRaw<{ id: string }[]>`
        WITH held AS (
          SELECT k.key, count(*)::int AS n
          FROM workflow_runs r CROSS JOIN LATERAL unnest(r.concurrency_keys) AS k(key)
          WHERE r.status = 'running' AND r.locked_until >= ${now}
          GROUP BY k.key
        ),
        due AS (
          SELECT id, next_run_at, concurrency_keys, concurrency_limits
          FROM workflow_runs
          WHERE status IN ('queued', 'running')
            AND next_run_at <= ${now}
            AND (locked_until IS NULL OR locked_until < ${now})
            AND function_id IN (${Prisma.join(functionIds)})
        ),
        ranked AS (
          SELECT d.id, k.lim,
            coalesce(h.n, 0)
              + row_number() OVER (PARTITION BY k.key ORDER BY d.next_run_at, d.id) AS would_hold
          FROM due d
          CROSS JOIN LATERAL unnest(d.concurrency_keys, d.concurrency_limits) AS k(key, lim)
          LEFT JOIN held h ON h.key = k.key
        ),
        loads AS (
          SELECT id, max(would_hold) AS load, bool_or(would_hold > lim) AS over
          FROM ranked GROUP BY id
        ),
        eligible AS (
          SELECT d.id FROM due d LEFT JOIN loads l ON l.id = d.id
          WHERE l.over IS NOT TRUE
          ORDER BY coalesce(l.load, 0), d.next_run_at, d.id
          LIMIT ${limit}
        )
        UPDATE workflow_runs w
        SET status = 'running', locked_by = ${owner}, locked_until = ${leaseUntil}, updated_at = ${now}
        FROM eligible e
        WHERE w.id = e.id
          AND w.status IN ('queued', 'running')
          AND (w.locked_until IS NULL OR w.locked_until < ${now})
        RETURNING w.id`;
    });
    if (claimed.length === 0) return [];
    const rows = await this.db.workflowRun.findMany({
      where: { id: { in: claimed.map((row) => row.id) }, lockedBy: owner },
      orderBy: [{ nextRunAt: "asc" }, { id: "asc" }],
    });
    return rows.map(fromRow);
  }

  async renewLease(runId: string, owner: string, leaseUntil: Date, now: Date) {
    // Only an unexpired lease: an expired one gave its concurrency slots away.
    const { count } = await this.db.workflowRun.updateMany({
      where: { id: runId, lockedBy: owner, status: "running", lockedUntil: { gte: now } },
      data: { lockedUntil: leaseUntil },
    });
    return count === 1;
  }

  async saveProgress(
    runId: string,
    owner: string,
    progress: RunProgress,
    leaseUntil: Date,
    now: Date,
  ) {
    await this.updateOwned(
      runId,
      owner,
      { ...progressColumns(progress), lockedUntil: leaseUntil },
      { lockedUntil: { gte: now } },
    );
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

  async getCronCursor(functionId: string, schedule: string) {
    const row = await this.db.workflowCronSchedule.findUnique({
      where: { functionId_schedule: { functionId, schedule } },
    });
    return row?.lastTick ?? null;
  }

  async advanceCron({ functionId, schedule, from, to, runs }: CronAdvance) {
    // Compare-and-set on the cursor, with the ticks' runs in the same transaction: a rival
    // scheduler blocks on the row, then finds the cursor moved and creates nothing.
    return this.db.$transaction(async (tx) => {
      const { count } =
        from === null
          ? await tx.workflowCronSchedule.createMany({
              data: [{ functionId, schedule, lastTick: to }],
              skipDuplicates: true,
            })
          : await tx.workflowCronSchedule.updateMany({
              where: { functionId, schedule, lastTick: from },
              data: { lastTick: to, updatedAt: new Date() },
            });
      if (count !== 1) return false;
      if (runs.length > 0) {
        await tx.workflowRun.createMany({ data: runs.map(toCreateInput), skipDuplicates: true });
      }
      return true;
    });
  }

  async get(runId: string) {
    const row = await this.db.workflowRun.findUnique({ where: { id: runId } });
    return row ? fromRow(row) : undefined;
  }

  async countUnfinished(now: Date) {
    return this.db.workflowRun.count({
      where: {
        OR: [
          { status: "running" },
          {
            status: "queued",
            // A run scheduled for later that has not begun (a cron's next tick) does not count.
            OR: [
              { nextRunAt: { lte: now } },
              { attempt: { gt: 0 } },
              { stack: { isEmpty: false } },
            ],
          },
        ],
      },
    });
  }

  private async updateOwned(
    runId: string,
    owner: string,
    data: Prisma.WorkflowRunUpdateManyMutationInput,
    also: Prisma.WorkflowRunWhereInput = {},
  ) {
    const { count } = await this.db.workflowRun.updateMany({
      where: { ...also, id: runId, lockedBy: owner },
      data: { ...data, updatedAt: new Date() },
    });
    if (count !== 1) throw new LeaseLostError(runId, owner);
  }
}

/**
 * The INSERT that creates these runs, for a caller's own statement (a dispatch writes its run in
 * the same statement as the debit): each row is written only when `guard` holds, and a run that
 * already exists for its (function, event id) is left alone, as createIfAbsent does. The columns
 * are the ones toCreateInput fills; the store reads such a run back like any other.
 */
export function insertRunsSql(runs: NewRun[], guard: Prisma.Sql): Prisma.Sql {
  if (runs.length === 0) return Prisma.sql`SELECT 1`;
  const array = (values: readonly (string | number)[], type: Prisma.Sql) =>
    values.length === 0
      ? Prisma.sql`ARRAY[]::${type}[]`
      : Prisma.sql`ARRAY[${Prisma.join(values)}]::${type}[]`;
  const rows = runs.map((run) => {
    const input = toCreateInput(run);
    const keys = run.concurrency.map((slot) => slot.key);
    const limits = run.concurrency.map((slot) => slot.limit);
    return Prisma.sql`
      SELECT ${input.id}, ${input.functionId}, ${input.eventId}, ${JSON.stringify(input.event)}::jsonb,
             ${JSON.stringify(input.steps)}::jsonb, ARRAY[]::text[], 'queued', ${run.nextRunAt}::timestamptz,
             ${array(keys, Prisma.sql`text`)}, ${array(limits, Prisma.sql`int`)}
       WHERE ${guard}`;
  });
  return Prisma.sql`
    INSERT INTO workflow_runs (id, function_id, event_id, event, steps, stack, status, next_run_at,
                               concurrency_keys, concurrency_limits)
    ${Prisma.join(rows, " UNION ALL ")}
    ON CONFLICT (function_id, event_id) DO NOTHING`;
}

/**
 * insertRunsSql for many runs (a batch's rows): the runs travel as one JSON parameter, so a
 * thousand runs cost one bind value instead of ten thousand.
 */
export function insertRunsFromJsonSql(runs: NewRun[], guard: Prisma.Sql): Prisma.Sql {
  if (runs.length === 0) return Prisma.sql`SELECT 1`;
  const rows = JSON.stringify(
    runs.map((run) => {
      const input = toCreateInput(run);
      return {
        id: input.id,
        function_id: input.functionId,
        event_id: input.eventId,
        event: input.event,
        steps: input.steps,
        next_run_at: run.nextRunAt.toISOString(),
        keys: run.concurrency.map((slot) => slot.key),
        limits: run.concurrency.map((slot) => slot.limit),
      };
    }),
  );
  return Prisma.sql`
    INSERT INTO workflow_runs (id, function_id, event_id, event, steps, stack, status, next_run_at,
                               concurrency_keys, concurrency_limits)
    SELECT run.id, run.function_id, run.event_id, run.event, run.steps, ARRAY[]::text[], 'queued',
           run.next_run_at,
           ARRAY(SELECT jsonb_array_elements_text(run.keys)),
           ARRAY(SELECT jsonb_array_elements_text(run.limits)::int)
      FROM jsonb_to_recordset(${rows}::jsonb)
           AS run(id text, function_id text, event_id text, event jsonb, steps jsonb,
                  next_run_at timestamptz, keys jsonb, limits jsonb)
     WHERE ${guard}
    ON CONFLICT (function_id, event_id) DO NOTHING`;
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
    concurrencyKeys: run.concurrency.map((slot) => slot.key),
    concurrencyLimits: run.concurrency.map((slot) => slot.limit),
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
    concurrency: (row.concurrencyKeys ?? []).map((key, i) => ({
      key,
      limit: row.concurrencyLimits?.[i] ?? 0,
    })),
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
