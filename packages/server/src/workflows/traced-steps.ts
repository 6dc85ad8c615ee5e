import type { Attributes } from "@opentelemetry/api";
import { contextFromCarrier, inSpan, type TraceCarrier } from "../observability/tracing";

/**
 * The function's `step` with each step body run in a span of its own, a child of the trace
 * context the event carries (the dispatching request's operation), so one trace runs from the
 * request to every step. A memoized step does not run its body again, so it adds no span.
 */
export function traceSteps<Run extends (id: string, body: () => unknown) => unknown>(
  step: { run: Run },
  carrier: TraceCarrier | undefined,
  attributes: Attributes,
): { run: Run } {
  const parent = contextFromCarrier(carrier);
  const run = (id: string, body: () => unknown) =>
    step.run(id, () =>
      inSpan(
        `step ${id}`,
        { parent, attributes: { ...attributes, "garment.step": id } },
        async () => body(),
      ),
    );
  return { run: run as Run };
}
