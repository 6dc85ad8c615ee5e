import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace";

/**
 * Spans through the OpenTelemetry API only: without a registered SDK every call here is a no-op
 * (the default: nothing is exported unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
 */
const TRACER_NAME = "garment-studio";

/** W3C trace context as it travels in an event (`traceparent`, optionally `tracestate`). */
export type TraceCarrier = Record<string, string>;

export { SpanKind };

/**
 * Registers the SDK for this process: W3C propagation, async-local context, and the given span
 * processors (an OTLP exporter in production, an in-memory one in tests). Returns a shutdown
 * that flushes what is buffered.
 */
export function registerTracing(options: {
  serviceName: string;
  spanProcessors: SpanProcessor[];
}): () => Promise<void> {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: options.spanProcessors,
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  };
}

/** Production: spans batched to `<endpoint>/v1/traces` over OTLP/HTTP. */
export function startOtlpTracing(endpoint: string, serviceName: string): () => Promise<void> {
  const url = `${endpoint.replace(/\/+$/, "")}/v1/traces`;
  return registerTracing({
    serviceName,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })],
  });
}

/**
 * What the process does with its environment: OTLP/HTTP export when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (the returned function flushes and stops it), nothing otherwise.
 */
export function startTracingFromEnv(env: {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_SERVICE_NAME: string;
}): (() => Promise<void>) | null {
  return env.OTEL_EXPORTER_OTLP_ENDPOINT
    ? startOtlpTracing(env.OTEL_EXPORTER_OTLP_ENDPOINT, env.OTEL_SERVICE_NAME)
    : null;
}

/** The trace context a header set carries (an incoming `traceparent`), or the active one. */
export function contextFromHeaders(headers: Headers): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => carrier.get(key) ?? undefined,
    keys: (carrier) => [...carrier.keys()],
  });
}

/** The active span's context, to put in an event so the run joins the request's trace. */
export function currentTraceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a carrier (from an event) names; the active one when it names none. */
export function contextFromCarrier(carrier: TraceCarrier | undefined): Context {
  return carrier ? propagation.extract(context.active(), carrier) : context.active();
}

/**
 * Runs `body` in a span (child of `parent`, else of the active span), ending it when the body
 * settles: an error marks it and is rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; parent?: Context; kind?: SpanKind },
  body: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  return tracer.startActiveSpan(
    name,
    {
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
      ...(options.attributes ? { attributes: options.attributes } : {}),
    },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await body(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Adds attributes to the active span (a job id known only once the dispatch committed). */
export function annotateActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
