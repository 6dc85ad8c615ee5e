export {
  EmbeddedRunner,
  type Clock,
  type EmbeddedRunnerOptions,
  type RunnerEvent,
  type RunnerLogger,
  type SendResult,
} from "./runner";
export { UnsupportedFunctionError, FUNCTION_FAILED_EVENT } from "./function-catalog";
export { type BackoffOptions, inngestBackoff, scaledBackoff } from "./backoff";
export {
  CALL_TIMEOUT_MS,
  DEFAULT_RETRIES,
  FAILURE_HANDLER_RETRIES,
  MAX_STEPS_PER_RUN,
} from "./defaults";
export type { InngestEvent, MemoizedStep, SerializedError } from "./protocol";
export {
  LeaseLostError,
  type ClaimOptions,
  type CronAdvance,
  emptyProgress,
  type NewRun,
  type RunProgress,
  type RunStatus,
  type RunStore,
  type WorkflowRunRecord,
} from "./stores/run-store";
export {
  type ClaimCandidate,
  type ConcurrencyScope,
  type ConcurrencySlot,
  selectClaimable,
} from "./concurrency";
export { CRON_EVENT, cronEventId } from "./cron";
export { createEmbeddedInngest, EMBEDDED_INNGEST_URL } from "./embedded-events";
export { InMemoryRunStore } from "./stores/in-memory-run-store";
