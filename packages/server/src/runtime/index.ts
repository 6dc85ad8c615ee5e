export { getAppRuntime, startAppRuntime, type StartedApp } from "./global";
export { createRuntime, type RuntimeOptions } from "./create-runtime";
export type { AppRuntime, ImageModelDirectory } from "./app-runtime";
export { inngestServeHandler } from "./inngest-serve";
