// The embedded runner: claims due runs from the store, drives each one call at a time through
// the SDK's serve handler, and persists what it learns after every call. It knows the
// protocol, not the workflows.
import type { Inngest, InngestFunction } from "inngest";
import { hostname } from "node:os";
import { ulid } from "ulid";
import { advanceRun, exceedsStepLimit, wakeDueSleeps } from "./advance-run";
import { type BackoffOptions, inngestBackoff } from "./backoff";
import { type CronSchedule, cronEvent, ticksToSchedule } from "./cron";
import { embeddedEventApiOf } from "./embedded-events";
import { CALL_TIMEOUT_MS, MAX_STEPS_PER_RUN, stepLimitError } from "./defaults";
import {
  type CallTransport,
  callFunction,
  createServeHandler,
  inProcessTransport,
} from "./executor";
import { type CatalogFunction, FUNCTION_FAILED_EVENT, FunctionCatalog } from "./function-catalog";
import { DISCOVERY_STEP_ID, type InngestEvent, type SerializedError } from "./protocol";
import {
  LeaseLostError,
  type NewRun,
  type RunProgress,
  type RunStore,
  type WorkflowRunRecord,
} from "./stores/run-store";

/** pino-compatible: `logger.info({ runId }, "message")`. */
export interface RunnerLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface Clock {
  now(): Date;
}

export interface EmbeddedRunnerOptions {
  /**
   * Made by `createEmbeddedInngest`: dev mode, its events routed into this runner. Any client
   * with checkpointing off when a `transport` is given.
   */
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  store: RunStore;
  /**
   * Slots: most runs this process executes at once. Default 4. Functions' own `concurrency`
   * limits (keys included) hold on top of it, across every process sharing the store, so this
   * can be large when most work waits on the network and a key keeps CPU-bound work narrow.
   */
  concurrency?: number;
  /** How often to look for due runs when nothing wakes the runner sooner. Default 500 ms. */
  pollIntervalMs?: number;
  /** How long a claim holds without renewal; runs of a dead process resume after it. Default 30 s. */
  leaseMs?: number;
  /** Retry delays. Default: Inngest's executor table (15 s … 2 h, plus 0–30 s jitter). */
  backoff?: BackoffOptions;
  /** Most steps a run may memoize before it fails. Default 1,000, as Inngest. */
  maxSteps?: number;
  /** How long one SDK call may take before it counts as a failed attempt. Default 2 h, as Inngest. */
  callTimeoutMs?: number;
  logger?: RunnerLogger;
  clock?: Clock;
  /** Identifies this process in `lockedBy`. Default: host, pid and a random suffix. */
  runnerId?: string;
  /**
   * Where calls go. Default: the functions' serve handler in this process, unsigned. Another
   * transport (the testing driver's signed HTTP calls to an app's /api/inngest) makes the
   * caller responsible for where the client's events go: the runner then accepts any client.
   */
  transport?: CallTransport;
}

/** An event to start runs: the caller's id deduplicates (event id = request id). */
export interface RunnerEvent {
  id: string;
  name: string;
  /** JSON-serialisable event data. */
  data: object;
}

export interface SendResult {
  /** The run of each triggered function, whether created now or by an earlier send. */
  runIds: string[];
  created: number;
}

const consoleLogger: RunnerLogger = {
  debug: () => {},
  info: () => {},
  warn: (fields, message) => console.warn(`[embedded-runner] ${message}`, fields),
  error: (fields, message) => console.error(`[embedded-runner] ${message}`, fields),
};

type RunnerState = "created" | "running" | "stopping" | "stopped";

export class EmbeddedRunner {
  readonly runnerId: string;
  private readonly catalog: FunctionCatalog;
  private readonly transport: CallTransport;
  private readonly store: RunStore;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffOptions;
  private readonly maxSteps: number;
  private readonly callTimeoutMs: number;
  private readonly logger: RunnerLogger;
  private readonly clock: Clock;
  private readonly functionIds: string[];

  private state: RunnerState = "created";
  private readonly inFlight = new Map<string, Promise<void>>();
  /** The progress last persisted for each run in flight: what `abandon` hands back. */
  private readonly persisted = new Map<string, RunProgress>();
  private pollTimer: NodeJS.Timeout | undefined;
  private pollDueAt = Infinity;
  private polling: Promise<void> | undefined;
  /** The soonest poll asked for while a poll was running. */
  private delayRequestedWhilePolling = Infinity;
  private cronTimer: NodeJS.Timeout | undefined;
  private cronPass: Promise<void> | undefined;

  constructor(options: EmbeddedRunnerOptions) {
    const events = embeddedEventApiOf(options.client);
    if (!events && !options.transport) {
      throw new Error(
        `The embedded Inngest runner needs an Inngest client made by createEmbeddedInngest({ id: "${options.client.id}" }): ` +
          `the client given sends events to ${options.client.eventBaseUrl}, so step.sendEvent and inngest.send inside a function would be delivered there, not to this runner. ` +
          "(The embedded client is also in dev mode, since the runner calls the serve handler in-process without signatures.)",
      );
    }
    // Throws, naming the function and the feature, before anything runs.
    this.catalog = new FunctionCatalog(options.client, options.functions);
    this.transport =
      options.transport ??
      inProcessTransport(createServeHandler(options.client, options.functions));
    this.store = options.store;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.backoff = options.backoff ?? inngestBackoff;
    this.maxSteps = options.maxSteps ?? MAX_STEPS_PER_RUN;
    this.callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
    this.logger = options.logger ?? consoleLogger;
    this.clock = options.clock ?? { now: () => new Date() };
    this.runnerId = options.runnerId ?? `${hostname()}:${process.pid}:${ulid().slice(-8)}`;
    // Events sent from inside functions start runs here, like `send`.
    events?.attach(this);
    this.functionIds = options.functions.flatMap((fn) => {
      const id = fn.id(options.client.id);
      return fn.opts.onFailure ? [id, `${id}-failure`] : [id];
    });
  }

  /** Runs this runner is executing now (at most its concurrency). */
  get executing(): number {
    return this.inFlight.size;
  }

  /** Claiming runs (started, and not stopping or stopped). */
  get isRunning(): boolean {
    return this.state === "running";
  }

  /** Creates one run per function triggered by the event, unless that run already exists. */
  async send(input: RunnerEvent): Promise<SendResult> {
    const result: SendResult = { runIds: [], created: 0 };
    for (const newRun of this.plan(input)) {
      const { run, created } = await this.store.createIfAbsent(newRun);
      result.runIds.push(run.id);
      if (created) result.created += 1;
    }
    if (result.runIds.length === 0) {
      this.logger.debug({ event: input.name }, "no function is triggered by this event");
    }
    this.requestPoll(0);
    return result;
  }

  /**
   * The runs `send` would create for this event (concurrency keys evaluated), without creating
   * them: for a caller that writes them in its own transaction (a dispatch starts the work in
   * the same statement as the debit) and then calls `wake`.
   */
  plan(input: RunnerEvent): NewRun[] {
    const now = this.clock.now();
    const event: InngestEvent = {
      id: input.id,
      name: input.name,
      data: { ...input.data },
      ts: now.getTime(),
    };
    return this.catalog.triggeredBy(event).map((fn) => ({
      id: ulid(),
      functionId: fn.id,
      eventId: fn.dedupeKey(event),
      event,
      nextRunAt: now,
      concurrency: fn.concurrencyFor(event),
    }));
  }

  /** Runs were created behind the runner's back (see `plan`): look for due runs now. */
  wake(): void {
    this.requestPoll(0);
  }

  /** Starts claiming runs, including those a previous process left behind once their lease expired. */
  async start(): Promise<void> {
    if (this.state === "running") return;
    if (this.state === "stopping") throw new Error("The embedded runner is still stopping.");
    this.state = "running";
    this.logger.info(
      { runnerId: this.runnerId, functions: this.functionIds },
      "embedded Inngest runner started",
    );
    this.requestPoll(0);
    this.scheduleCronPass(0);
  }

  /** Stops claiming; in-flight runs finish their current call, save, and go back to the queue. */
  async stop(): Promise<void> {
    if (this.state !== "running") {
      this.state = "stopped";
      return;
    }
    this.state = "stopping";
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    clearTimeout(this.cronTimer);
    await this.cronPass;
    await this.polling;
    await Promise.allSettled(this.inFlight.values());
    this.state = "stopped";
    this.logger.info({ runnerId: this.runnerId }, "embedded Inngest runner stopped");
  }

  /**
   * For a shutdown that cannot wait for the calls in flight (a render longer than the grace
   * period): gives every run still executing back to the queue at once, with its last saved
   * progress, so another process resumes it now instead of after the lease. The call in flight
   * is redone there (steps are idempotent); here its result can no longer be saved (the lease
   * is gone). Call `stop` first, so nothing new is claimed.
   */
  async abandon(): Promise<number> {
    const runIds = [...this.inFlight.keys()];
    let released = 0;
    for (const runId of runIds) {
      const progress = this.persisted.get(runId);
      if (!progress) continue;
      try {
        await this.store.release(runId, this.runnerId, progress, this.clock.now());
        released += 1;
      } catch (error) {
        // Finished or taken meanwhile: nothing to hand back.
        if (!(error instanceof LeaseLostError)) throw error;
      }
    }
    this.logger.info({ runnerId: this.runnerId, released }, "runs in flight handed back");
    return released;
  }

  /**
   * Resolves once nothing is executing and every run in the store is completed or failed, apart
   * from runs scheduled for later that have not begun (a cron's next tick).
   */
  async waitForIdle({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const unfinished = await this.store.countUnfinished(this.clock.now());
      if (this.inFlight.size === 0 && unfinished === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `The embedded runner was not idle after ${timeoutMs} ms: ${this.inFlight.size} run(s) executing, ${unfinished} unfinished.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Schedules the next look at the cron schedules (their cursors) in `delayMs`. */
  private scheduleCronPass(delayMs: number) {
    if (this.state !== "running") return;
    if (!this.catalog.all().some((fn) => fn.cronSchedules.length > 0)) return;
    clearTimeout(this.cronTimer);
    // Capped so a far tick never overflows the timer; an early pass only re-reads the cursors.
    const delay = Math.min(Math.max(0, delayMs), 60 * 60 * 1_000);
    this.cronTimer = setTimeout(() => void this.runCronPass(), delay);
  }

  private async runCronPass() {
    this.cronTimer = undefined;
    if (this.state !== "running") return;
    this.cronPass = (async () => {
      let soonest = Infinity;
      for (const fn of this.catalog.all()) {
        for (const schedule of fn.cronSchedules) {
          try {
            const cursor = await this.advanceCronSchedule(fn, schedule);
            if (cursor) soonest = Math.min(soonest, cursor.getTime());
          } catch (error) {
            this.logger.error(
              { functionId: fn.id, cron: schedule.expression, err: error },
              "scheduling a cron tick failed",
            );
            soonest = Math.min(soonest, this.clock.now().getTime() + this.pollIntervalMs);
          }
        }
      }
      if (soonest < Infinity) this.scheduleCronPass(soonest - this.clock.now().getTime());
    })();
    await this.cronPass;
    this.cronPass = undefined;
  }

  /**
   * Creates the runs of a schedule's ticks up to the first one after now, moving its cursor in
   * the store (which only one runner can do for a given cursor); returns where the cursor is.
   */
  private async advanceCronSchedule(
    fn: CatalogFunction,
    schedule: CronSchedule,
  ): Promise<Date | undefined> {
    for (;;) {
      const now = this.clock.now();
      const cursor = await this.store.getCronCursor(fn.id, schedule.expression);
      const ticks = ticksToSchedule(schedule, cursor, now);
      const to = ticks.at(-1);
      if (!to) return cursor ?? undefined;
      const runs = ticks.map((tick): NewRun => {
        const event = cronEvent(schedule.expression, tick);
        return {
          id: ulid(),
          functionId: fn.id,
          eventId: fn.dedupeKey(event),
          event,
          nextRunAt: tick,
          concurrency: fn.concurrencyFor(event),
        };
      });
      const moved = await this.store.advanceCron({
        functionId: fn.id,
        schedule: schedule.expression,
        from: cursor,
        to,
        runs,
      });
      if (moved) {
        this.logger.debug({ functionId: fn.id, ticks: ticks.length }, "cron ticks scheduled");
        this.requestPoll(0);
      }
      // Moved, or another runner moved it first: read the cursor again either way.
    }
  }

  /** Schedules a look for due runs in `delayMs`, unless one is already due sooner. */
  private requestPoll(delayMs: number) {
    if (this.state !== "running") return;
    const delay = Math.min(Math.max(0, delayMs), this.pollIntervalMs);
    if (this.polling) {
      this.delayRequestedWhilePolling = Math.min(this.delayRequestedWhilePolling, delay);
      return;
    }
    const dueAt = Date.now() + delay;
    if (this.pollTimer && this.pollDueAt <= dueAt) return;
    clearTimeout(this.pollTimer);
    this.pollDueAt = dueAt;
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  private async poll() {
    this.pollTimer = undefined;
    this.pollDueAt = Infinity;
    if (this.state !== "running") return;
    this.polling = this.claimAndDrive().catch((error: unknown) => {
      this.logger.error({ err: error }, "claiming due runs failed");
    });
    await this.polling;
    this.polling = undefined;
    const requested = this.delayRequestedWhilePolling;
    this.delayRequestedWhilePolling = Infinity;
    this.requestPoll(Math.min(requested, this.pollIntervalMs));
  }

  private async claimAndDrive() {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const now = this.clock.now();
    const runs = await this.store.claimDue({
      owner: this.runnerId,
      limit: free,
      now,
      leaseUntil: this.leaseFrom(now),
      functionIds: this.functionIds,
    });
    for (const run of runs) {
      const driving = this.drive(run)
        .catch((error: unknown) => {
          if (error instanceof LeaseLostError) {
            this.logger.warn({ runId: run.id }, error.message);
          } else {
            // The lease is left to expire, so the run resumes from its last saved step.
            this.logger.error({ runId: run.id, err: error }, "driving a run failed");
          }
        })
        .finally(() => {
          this.inFlight.delete(run.id);
          this.persisted.delete(run.id);
          this.requestPoll(0);
        });
      this.persisted.set(run.id, pickProgress(run));
      this.inFlight.set(run.id, driving);
    }
  }

  private async drive(run: WorkflowRunRecord) {
    const fn = this.catalog.get(run.functionId);
    if (!fn) throw new Error(`Run ${run.id} is for unknown function ${run.functionId}`);
    let progress: RunProgress = pickProgress(run);
    let planned: string[] = [];
    let leaseLost = false;
    // Long steps (a render) must not look like a dead process to other runners.
    const heartbeat = setInterval(
      () => {
        this.store
          .renewLease(run.id, this.runnerId, this.leaseFrom(this.clock.now()), this.clock.now())
          .then((held) => {
            if (!held) leaseLost = true;
          })
          .catch((error: unknown) =>
            this.logger.warn({ runId: run.id, err: error }, "renewing a lease failed"),
          );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();

    try {
      for (;;) {
        if (leaseLost) throw new LeaseLostError(run.id, this.runnerId);
        if (this.state !== "running") {
          // Shutting down: hand the run back now rather than when the lease runs out.
          await this.store.release(run.id, this.runnerId, progress, this.clock.now());
          return;
        }
        progress = wakeDueSleeps(progress, this.clock.now());
        if (exceedsStepLimit(progress, this.maxSteps)) {
          await this.failRun(run, fn, progress, stepLimitError(this.maxSteps), this.clock.now());
          return;
        }
        const stepId = planned.shift() ?? progress.pendingStep ?? DISCOVERY_STEP_ID;
        const outcome = await callFunction(
          this.transport,
          {
            functionId: fn.id,
            stepId,
            runId: run.id,
            event: run.event,
            progress,
            maxAttempts: fn.maxAttempts,
          },
          this.callTimeoutMs,
        );
        const now = this.clock.now();
        const advance = advanceRun(progress, outcome, {
          stepId,
          maxAttempts: fn.maxAttempts,
          now,
          backoff: this.backoff,
          maxSteps: this.maxSteps,
        });
        progress = advance.progress;
        const next = advance.next;
        this.logger.debug({ runId: run.id, stepId, next: next.kind }, "call answered");

        switch (next.kind) {
          case "call":
            planned = [...planned, ...next.planned];
            // Before the save: an `abandon` racing it hands back this progress, not the older.
            this.persisted.set(run.id, progress);
            await this.store.saveProgress(
              run.id,
              this.runnerId,
              progress,
              this.leaseFrom(now),
              now,
            );
            continue;
          case "wait":
            // Planned steps not yet called are rediscovered on the next call.
            await this.store.release(run.id, this.runnerId, progress, next.until);
            this.requestPoll(next.until.getTime() - now.getTime());
            return;
          case "complete":
            await this.store.complete(run.id, this.runnerId, progress, next.output);
            this.logger.info({ runId: run.id, functionId: fn.id }, "run completed");
            return;
          case "fail":
            await this.failRun(run, fn, progress, next.error, now);
            return;
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async failRun(
    run: WorkflowRunRecord,
    fn: CatalogFunction,
    progress: RunProgress,
    error: SerializedError,
    now: Date,
  ) {
    const failureRun = fn.failureFunctionId
      ? failureHandlerRun(run, fn.failureFunctionId, error, now)
      : undefined;
    await this.store.fail(run.id, this.runnerId, progress, error, failureRun);
    this.logger.warn(
      { runId: run.id, functionId: fn.id, error: error.message, failureRun: failureRun?.id },
      "run failed",
    );
    if (failureRun) this.requestPoll(0);
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }
}

/** The `inngest/function.failed` event Inngest emits, as a run of the `<fn>-failure` function. */
function failureHandlerRun(
  run: WorkflowRunRecord,
  failureFunctionId: string,
  error: SerializedError,
  now: Date,
): NewRun {
  const event: InngestEvent = {
    // Deterministic, so the failure handler's run is created once per failed run.
    id: `${run.id}-failed`,
    name: FUNCTION_FAILED_EVENT,
    data: { function_id: run.functionId, run_id: run.id, error, event: run.event },
    ts: now.getTime(),
  };
  return {
    id: ulid(),
    functionId: failureFunctionId,
    eventId: event.id,
    event,
    nextRunAt: now,
    // The failure handler is registered without concurrency limits (InngestFunction.getConfig).
    concurrency: [],
  };
}

function pickProgress(run: WorkflowRunRecord): RunProgress {
  const { steps, stack, attempt, pendingStep, disableImmediateExecution, sleeps } = run;
  return { steps, stack, attempt, pendingStep, disableImmediateExecution, sleeps };
}
