// The interfaces the core depends on and the adapters implement (one definition of each).
export type { WorkflowEngine, WorkflowEvent } from "./workflow-engine";
export type { ImageModelDirectory } from "./image-model-directory";
export { NO_METRICS, type Metrics, type HandledRequest } from "./metrics";
