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
 * The one port through which accepted work leaves the request: Inngest (cloud, self-hosted or
 * dev server) or the embedded runner. Services depend on this interface only.
 */
export interface WorkflowEngine {
  send(event: WorkflowEvent): Promise<void>;
  /** Begins executing work (a no-op when Inngest executes it). */
  start(): Promise<void>;
  /** Stops taking new work and lets in-flight work reach a safe point. */
  stop(): Promise<void>;
}
