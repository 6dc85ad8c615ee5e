import type { Inngest } from "inngest";
import type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";

/**
 * Hands events to a real Inngest server (Inngest Cloud, or self-hosted / dev server), which
 * calls our `/api/inngest` route back. Inngest deduplicates on the event id.
 */
export class InngestCloudEngine implements WorkflowEngine {
  constructor(private readonly client: Inngest.Any) {}

  async send(event: WorkflowEvent): Promise<void> {
    await this.client.send({ id: event.id, name: event.name, data: { ...event.data } });
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}
}
