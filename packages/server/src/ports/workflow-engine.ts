import type { Prisma } from "@garment/db";

/**
 * An event for the workflow engine. `id` deduplicates: the dispatch service uses the request
 * id, so sending the same request twice starts its workflow once.
 */
export interface WorkflowEvent<Data extends object = object> {
  id: string;
  name: string;
  /** JSON-serialisable; `object` so interfaces like DispatchEventData fit without an index signature. */
  data: Data;
}

/**
 * The one port through which accepted work leaves the request: the embedded runner, or Inngest
 * (cloud, self-hosted or dev server) through the transactional outbox. Services depend on this
 * interface only.
 */
export interface WorkflowEngine {
  /**
   * The INSERT that starts the work for `event` (the runner's run, or the outbox row), for the
   * caller to embed in its own statement; it writes only when `guard` holds.
   */
  startWorkSql(event: WorkflowEvent, guard: Prisma.Sql): Prisma.Sql;
  /** The same for many events in one INSERT (a batch starts all its rows in its one statement). */
  startBatchWorkSql(events: readonly WorkflowEvent[], guard: Prisma.Sql): Prisma.Sql;
  /** Work was committed through startWorkSql: pick it up now. Never throws. */
  wake(): void;
  /** Starts the work for an event on its own (same id: still one run). */
  send(event: WorkflowEvent): Promise<void>;
  /** Begins executing (the runner) or relaying (the outbox). */
  start(): Promise<void>;
  /** Stops taking new work and lets in-flight work reach a safe point. */
  stop(): Promise<void>;
}
