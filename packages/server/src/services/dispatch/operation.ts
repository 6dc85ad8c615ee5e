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
