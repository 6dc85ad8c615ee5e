import { serveInngest } from "../workflows/serve-endpoint";
import type { AppRuntime } from "./app-runtime";

export const inngestServeHandler = (runtime: AppRuntime, request: Request) =>
  serveInngest(runtime.workflows, request);
