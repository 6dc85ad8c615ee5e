export {
  createGarmentClient,
  GarmentApiError,
  type ErrorEnvelope,
  type GarmentApi,
  type GarmentClientOptions,
  type JobDetail,
  type JobEvent,
  type Schemas,
} from "./client";
export { waitForJob, WaitForJobTimeout, type WaitForJobOptions } from "./wait-for-job";
export type { components, operations, paths } from "./generated/api";
