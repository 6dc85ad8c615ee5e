import type { Prisma, PrismaClient } from "@garment/db";
import type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";
import type { OutboxRelay } from "./outbox-relay";
import { enqueueOutbox, insertOutboxRowsSql, insertOutboxSql } from "./outbox-sql";

/**
 * Hands events to a real Inngest (cloud, self-hosted or a dev server), which calls the app's
 * serve endpoint back. Every event goes through the outbox: written with the work that caused
 * it, then sent by the relay (in every instance) until Inngest accepts it. Inngest deduplicates
 * on the event id, so a re-send never starts a second run.
 */
export class OutboxEngine implements WorkflowEngine {
  constructor(
    private readonly db: PrismaClient,
    /** Null in tests that only look at what was put on the outbox. */
    readonly relay: OutboxRelay | null,
  ) {}

  startWorkSql(event: WorkflowEvent, guard: Prisma.Sql): Prisma.Sql {
    return insertOutboxSql(event, guard);
  }

  startBatchWorkSql(events: readonly WorkflowEvent[], guard: Prisma.Sql): Prisma.Sql {
    return insertOutboxRowsSql(events, guard);
  }

  wake(): void {
    this.relay?.wake();
  }

  async send(event: WorkflowEvent): Promise<void> {
    await enqueueOutbox(this.db, [event]);
    this.relay?.wake();
  }

  async start(): Promise<void> {
    this.relay?.start();
  }

  async stop(): Promise<void> {
    await this.relay?.stop();
  }
}
