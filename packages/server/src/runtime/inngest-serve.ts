import { serveInngest } from "../workflows/serve-endpoint";
import type { AppRuntime } from "./app-runtime";

/** Inngest's calls are requests in flight too: a graceful shutdown lets the step finish. */
export const inngestServeHandler = (runtime: AppRuntime, request: Request) =>
  runtime.lifecycle.track(() => serveInngest(runtime.workflows, request));
