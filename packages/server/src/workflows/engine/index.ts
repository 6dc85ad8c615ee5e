export type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";
export { InngestCloudEngine } from "./inngest-cloud-engine";
export { EmbeddedEngine } from "./embedded-engine";
