export type { WorkflowEngine, WorkflowEvent } from "../../ports/workflow-engine";
export { EmbeddedEngine } from "./embedded-engine";
export { OutboxEngine } from "../outbox/outbox-engine";
