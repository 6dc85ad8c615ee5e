import type { Caller } from "../../auth/caller";
import type { DispatchRequestFields } from "./record-dispatch";

/** The operation this service dispatches, as priced in the `operations` table. */
export const COMPLEMENTARY_GARMENT_OPERATION = {
  name: "complementary-garment-generator",
  opClass: "generator",
  defaultCreditsCost: 5,
  jobType: "COMPLEMENTARY_GARMENT_GENERATOR",
  /** The event the workflow engine is triggered by (event id = request id). */
  eventName: "studio/complementary-garment.requested",
} as const;

export interface DispatchEventData {
  jobId: string;
  requestId: string;
  clientId: string;
  mode: "live" | "test";
  /** W3C trace context of the dispatching request (`traceparent`…), so the run joins its trace. */
  trace?: Record<string, string>;
}

/** An event's data: the job's ids, with the request's trace context when it carries one. */
export function dispatchEventData(
  data: Omit<DispatchEventData, "trace">,
  trace: Record<string, string> | undefined,
): DispatchEventData {
  return trace && Object.keys(trace).length > 0 ? { ...data, trace } : data;
}

/** The request a dispatch is recorded for, as the operation hands it to the service. */
export interface DispatchContext {
  requestId: string;
  caller: Caller;
  transport: "rest" | "trpc";
  method: string;
  path: string;
  /** `performance.now()` when the request reached the edge (the request log's latency). */
  startedAt: number;
  /** The status the request log records for the acceptance (REST 202, tRPC 200). */
  successStatus: number;
  idempotencyKey?: string | null;
  /** The request's trace context, carried in the event (empty when nothing is traced). */
  trace?: Record<string, string>;
}

/**
 * What the dispatch statement records of the request (its log row) and of each job it asks
 * for (type, ledger note, price): built here once for a single dispatch, variants and batches,
 * so no path records the request differently. Call it just before recording: the latency is
 * measured up to now.
 */
export function dispatchRecordFields(
  context: DispatchContext,
  creditsCost: number,
): DispatchRequestFields {
  const { caller } = context;
  return {
    clientId: caller.clientId,
    mode: caller.mode,
    apiKeyId: caller.apiKeyId,
    transport: context.transport,
    method: context.method,
    path: context.path,
    latencyMs: Math.round(performance.now() - context.startedAt),
    statusCode: context.successStatus,
    jobType: COMPLEMENTARY_GARMENT_OPERATION.jobType,
    operationName: COMPLEMENTARY_GARMENT_OPERATION.name,
    creditsCost,
  };
}
