import type { PoolStats } from "@garment/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { HandledRequest, Metrics } from "../ports/metrics";

/**
 * The queue gauges (the same on every instance: the database's), keyed by the figure of the
 * operator's queue state each one shows (services/operator/queue-state.ts owns that state; this
 * adapter sits below the services, so it names only the figures it reads).
 */
const QUEUE_GAUGES = {
  queuedJobs: ["garment_jobs_queued", "Jobs accepted and not yet started (all instances)."],
  oldestQueuedSeconds: [
    "garment_jobs_queued_oldest_age_seconds",
    "Age of the oldest job waiting to start.",
  ],
  jobsInProgress: [
    "garment_jobs_in_progress",
    "Jobs whose work has started and not finished (all instances).",
  ],
  outboxPending: ["garment_outbox_pending_events", "Events waiting in the outbox for Inngest."],
  oldestOutboxSeconds: [
    "garment_outbox_oldest_age_seconds",
    "Age of the oldest event waiting in the outbox.",
  ],
} as const;

/** What the queue gauges read: any state with these figures (the operator's QueueState). */
export type QueueGaugeReading = Record<keyof typeof QUEUE_GAUGES, number>;

/** What the gauges are read from at each scrape (the database's view, and this instance's). */
export interface GaugeSource {
  queue(): Promise<QueueGaugeReading>;
  /** Runs the embedded runner of this instance executes now; null with a real Inngest. */
  runsExecuting(): number | null;
  pool(): PoolStats | null;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const RENDER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160];

/**
 * The metrics port as Prometheus series (`garment_` prefix, base units, `_total` counters), in
 * a registry of its own: one per runtime, so tests and several runtimes in one process never
 * share counters. Counters are this instance's; the queue gauges are the database's (the same
 * on every instance: aggregate them with max, not sum).
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private source: GaugeSource | null = null;

  private readonly httpRequests = new Counter({
    name: "garment_http_requests_total",
    help: "API requests and tRPC calls answered, by transport, method, route and status.",
    labelNames: ["transport", "method", "route", "status"] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: "garment_http_request_duration_seconds",
    help: "Time from reaching the edge to the answer, by transport, method and route.",
    labelNames: ["transport", "method", "route"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly dispatchesAccepted = new Counter({
    name: "garment_dispatches_accepted_total",
    help: "Dispatches (single or batch) accepted, replays included.",
    labelNames: ["route"] as const,
    registers: [this.registry],
  });
  private readonly dispatchesRefused = new Counter({
    name: "garment_dispatches_refused_total",
    help: "Dispatches refused, by HTTP status (401 402 403 409 413 422 429, 5xx).",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });
  private readonly creditsDebitedTotal = new Counter({
    name: "garment_credits_debited_total",
    help: "Credits charged by accepted dispatches.",
    registers: [this.registry],
  });
  private readonly creditsRefundedTotal = new Counter({
    name: "garment_credits_refunded_total",
    help: "Credits refunded to failed jobs, by failure reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private readonly refunds = new Counter({
    name: "garment_refunds_total",
    help: "Refunds of failed jobs, by failure reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private readonly jobsFinished = new Counter({
    name: "garment_jobs_finished_total",
    help: "Jobs that reached a terminal state, by status and failure reason.",
    labelNames: ["status", "reason"] as const,
    registers: [this.registry],
  });
  private readonly renderDuration = new Histogram({
    name: "garment_render_duration_seconds",
    help: "Image model render calls, by model, resolution and outcome.",
    labelNames: ["model", "resolution", "outcome"] as const,
    buckets: RENDER_BUCKETS,
    registers: [this.registry],
  });
  private readonly evaluations = new Counter({
    name: "garment_evaluations_total",
    help: "Render evaluations, by result (passed / failed): the pass rate is passed over all.",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  private readonly webhookAttempts = new Counter({
    name: "garment_webhook_delivery_attempts_total",
    help: "Webhook delivery attempts, by outcome.",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  private readonly queueGauges = Object.entries(QUEUE_GAUGES).map(
    ([figure, [name, help]]) =>
      [figure as keyof QueueGaugeReading, this.gauge(name, help)] as const,
  );
  private readonly runnerExecuting = this.gauge(
    "garment_runner_executing_runs",
    "Runs this instance's embedded runner executes now.",
  );
  private readonly poolConnections = new Gauge({
    name: "garment_db_pool_connections",
    help: "PostgreSQL pool connections of this instance, by state (idle / in_use).",
    labelNames: ["state"] as const,
    registers: [this.registry],
  });
  private readonly poolWaiting = this.gauge(
    "garment_db_pool_waiting_queries",
    "Queries of this instance waiting for a pool connection.",
  );
  private readonly poolMax = this.gauge(
    "garment_db_pool_max_connections",
    "Size of this instance's PostgreSQL pool.",
  );
  private readonly queueStateUp = this.gauge(
    "garment_queue_state_up",
    "1 when the last scrape could read the queue from the database, else 0.",
  );

  /** Process metrics (CPU, memory, event-loop lag, GC) too: for the served app, once per process. */
  collectProcessMetrics(): this {
    collectDefaultMetrics({ register: this.registry, prefix: "garment_" });
    return this;
  }

  /** Where the gauges are read from at each scrape (set once the database is open). */
  readGaugesFrom(source: GaugeSource): void {
    this.source = source;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text, gauges read now. A database that does not answer leaves counters served. */
  async exposition(): Promise<string> {
    await this.refreshGauges();
    return this.registry.metrics();
  }

  requestHandled(request: HandledRequest): void {
    const route = { transport: request.transport, method: request.method, route: request.route };
    this.httpRequests.inc({ ...route, status: String(request.status) });
    this.httpDuration.observe(route, request.seconds);
  }

  dispatchSettled({ route, status }: { route: string; status: number }): void {
    if (status < 400) this.dispatchesAccepted.inc({ route });
    else this.dispatchesRefused.inc({ route, status: String(status) });
  }

  creditsDebited(amount: number): void {
    if (amount > 0) this.creditsDebitedTotal.inc(amount);
  }

  jobFinished({ status, reason }: { status: "SUCCESS" | "FAILURE"; reason: string | null }): void {
    this.jobsFinished.inc({ status, reason: reason ?? "" });
  }

  creditsRefunded({ amount, reason }: { amount: number; reason: string }): void {
    this.refunds.inc({ reason });
    if (amount > 0) this.creditsRefundedTotal.inc({ reason }, amount);
  }

  renderFinished(render: {
    model: string;
    resolution: string;
    outcome: "succeeded" | "failed";
    seconds: number;
  }): void {
    const { seconds, ...labels } = render;
    this.renderDuration.observe(labels, seconds);
  }

  renderEvaluated({ passed }: { passed: boolean }): void {
    this.evaluations.inc({ result: passed ? "passed" : "failed" });
  }

  webhookAttempted({ outcome }: { outcome: string }): void {
    this.webhookAttempts.inc({ outcome });
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }

  private async refreshGauges(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const executing = source.runsExecuting();
    if (executing !== null) this.runnerExecuting.set(executing);
    const pool = source.pool();
    if (pool) {
      this.poolConnections.set({ state: "idle" }, pool.idle);
      this.poolConnections.set({ state: "in_use" }, pool.total - pool.idle);
      this.poolWaiting.set(pool.waiting);
      this.poolMax.set(pool.max);
    }
    try {
      const queue = await source.queue();
      for (const [figure, gauge] of this.queueGauges) gauge.set(queue[figure]);
      this.queueStateUp.set(1);
    } catch {
      this.queueStateUp.set(0);
    }
  }
}
