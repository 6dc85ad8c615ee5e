import { currentTraceCarrier } from "../observability/tracing";
import type { AppRuntime } from "../runtime/app-runtime";
import type { DispatchDeps } from "../services/dispatch/dispatch-complementary-garment";
import type { DispatchContext } from "../services/dispatch/operation";
import type { OperationContext } from "./define";

/**
 * What every operation that dispatches work (one job, a batch, variants) hands its service:
 * the runtime's dispatch dependencies, and the request as the dispatch statement records it.
 * One place, so a new dispatching operation cannot wire the debit, the request log or the
 * trace differently.
 */
export function dispatchDeps(runtime: AppRuntime): AppRuntime & DispatchDeps {
  return {
    ...runtime,
    isImageModelAvailable: (id) => runtime.imageModels.isAvailable(id),
    defaultImageModelId: runtime.imageModels.defaultModelId,
    maxQueuedJobsPerClient: runtime.settings.maxQueuedJobsPerClient,
  };
}

export function dispatchContext({
  requestId,
  caller,
  headers,
  request,
}: OperationContext): DispatchContext {
  return {
    requestId,
    caller,
    transport: request.transport,
    method: request.method,
    path: request.path,
    startedAt: request.startedAt,
    successStatus: request.successStatus,
    idempotencyKey: headers.get("idempotency-key"),
    trace: currentTraceCarrier(),
  };
}
