export {
  EmbeddedRunner,
  type Clock,
  type EmbeddedRunnerOptions,
  type RunnerEvent,
  type RunnerLogger,
  type SendResult,
} from "./runner";
export { UnsupportedFunctionError, FUNCTION_FAILED_EVENT } from "./function-catalog";
export type { BackoffOptions } from "./backoff";
export type { InngestEvent, MemoizedStep, SerializedError } from "./protocol";
export {
  LeaseLostError,
  type ClaimOptions,
  emptyProgress,
  type NewRun,
  type RunProgress,
  type RunStatus,
  type RunStore,
  type WorkflowRunRecord,
} from "./stores/run-store";
export { InMemoryRunStore } from "./stores/in-memory-run-store";
