import type { Prisma } from "@garment/db";
import type { EmbeddedRunner } from "@garment/inngest-runner";
import { insertRunsFromJsonSql, insertRunsSql } from "../prisma-run-store";
import type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";

/**
 * Runs the same Inngest functions in this process, through the embedded runner. The row that
 * starts the work is the run itself, written by the dispatch statement; every instance's runner
 * claims from the same table.
 */
export class EmbeddedEngine implements WorkflowEngine {
  constructor(readonly runner: EmbeddedRunner) {}

  startWorkSql(event: WorkflowEvent, guard: Prisma.Sql): Prisma.Sql {
    return insertRunsSql(this.runner.plan(event), guard);
  }

  startBatchWorkSql(events: readonly WorkflowEvent[], guard: Prisma.Sql): Prisma.Sql {
    return insertRunsFromJsonSql(
      events.flatMap((event) => this.runner.plan(event)),
      guard,
    );
  }

  wake(): void {
    this.runner.wake();
  }

  async send(event: WorkflowEvent): Promise<void> {
    await this.runner.send(event);
  }

  start(): Promise<void> {
    return this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
