import type { EmbeddedRunner } from "@garment/inngest-runner";
import type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";

/** Runs the same Inngest functions in this process, through the embedded runner. */
export class EmbeddedEngine implements WorkflowEngine {
  constructor(readonly runner: EmbeddedRunner) {}

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
