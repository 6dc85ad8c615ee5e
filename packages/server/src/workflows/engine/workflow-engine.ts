/**
 * An event for the workflow engine. `id` deduplicates: the dispatch service uses the request
 * id, so sending the same request twice starts its workflow once.
 */
export interface WorkflowEvent {
  id: string;
  name: string;
  /** JSON-serialisable; `object` so interfaces like DispatchEventData fit without an index signature. */
  data: object;
}

/** Where accepted work is handed to be run: Inngest (cloud or self-hosted) or the embedded runner. */
export interface WorkflowEngine {
  send(event: WorkflowEvent): Promise<void>;
  /** Begins executing work (a no-op when Inngest executes it). */
  start(): Promise<void>;
  /** Stops taking new work and lets in-flight work reach a safe point. */
  stop(): Promise<void>;
}
