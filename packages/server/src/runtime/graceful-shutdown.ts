import type { AppRuntime } from "./app-runtime";

export interface ShutdownOptions {
  /** Everything must be over within this; then the process exits whatever is left. */
  graceMs: number;
  /**
   * How long to keep serving after turning not-ready, so the load balancer stops sending
   * traffic before the process goes (it may still route a request or two meanwhile).
   */
  drainMs: number;
}

export interface ShutdownReport {
  /** Requests still in flight when the grace period ran out (0 on a clean shutdown). */
  requestsCut: number;
  /** Runs handed back to the queue mid-call because the grace period ran out. */
  runsAbandoned: number;
  timedOut: boolean;
}

/**
 * A graceful shutdown, in the order an operator needs it: answer not-ready at once; stop
 * claiming runs (runs in flight finish their current call, save and go back to the queue);
 * keep serving the requests in flight to the end; hand back any run still executing when the
 * grace period is nearly over, so another instance resumes it now rather than after its lease;
 * close the database. Never throws; the caller exits after it.
 */
export async function shutDownGracefully(
  runtime: AppRuntime,
  { graceMs, drainMs }: ShutdownOptions,
): Promise<ShutdownReport> {
  const deadline = Date.now() + graceMs;
  const { lifecycle, logger } = runtime;
  lifecycle.startDraining();
  logger.info(
    { graceMs, drainMs, requestsInFlight: lifecycle.requestsInFlight },
    "draining: not ready, no new runs",
  );
  const runner = runtime.workflows?.runner ?? null;
  const stopped = (runtime.workflows?.stop() ?? Promise.resolve()).catch((error: unknown) =>
    logger.error({ err: error }, "stopping the workflow engine failed"),
  );

  // Room at the end of the grace period to hand runs back and close the database.
  const reserveMs = Math.min(2_000, Math.floor(graceMs / 4));
  await sleep(Math.min(drainMs, Math.max(0, deadline - reserveMs - Date.now())));
  const settled = await within(
    Promise.all([lifecycle.whenIdle(), stopped]),
    deadline - reserveMs - Date.now(),
  );

  let runsAbandoned = 0;
  if (!settled && runner) {
    runsAbandoned = await runner.abandon().catch((error: unknown) => {
      logger.error({ err: error }, "handing back the runs in flight failed");
      return 0;
    });
  }
  const report = {
    requestsCut: lifecycle.requestsInFlight,
    runsAbandoned,
    timedOut: !settled,
  };
  logger.info(report, settled ? "drained" : "grace period over");
  await within(
    runtime.close().catch((error: unknown) => logger.error({ err: error }, "closing failed")),
    deadline - Date.now(),
  );
  return report;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Whether `work` settled within `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `shutDownGracefully` on the first SIGTERM or SIGINT, then exits: 0 when every request
 * was answered (runs handed back mid-call are expected of long renders), 1 when the grace
 * period cut requests off. A second signal exits at once.
 */
export function exitGracefullyOnSignals(
  runtime: AppRuntime,
  options: ShutdownOptions,
  exit: (code: number) => never = (code) => process.exit(code),
  /** Last, after the runtime closed (flushing buffered spans); its failure does not block exit. */
  finish: () => Promise<void> = async () => undefined,
): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      runtime.logger.warn({ signal }, "second signal: exiting now");
      exit(1);
    }
    shuttingDown = true;
    runtime.logger.info({ signal }, "shutting down");
    void shutDownGracefully(runtime, options).then(async (report) => {
      await finish().catch(() => undefined);
      exit(report.requestsCut > 0 ? 1 : 0);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
