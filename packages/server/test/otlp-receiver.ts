import { createServer, type Server } from "node:http";

/** One span as OTLP/JSON carries it (ids in hex, attributes as typed key/value pairs). */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, string | number | boolean>;
  /** The `service.name` of the resource the span came under. */
  serviceName: string | undefined;
}

interface OtlpAnyValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
interface OtlpTraceRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: OtlpKeyValue[];
      }[];
    }[];
  }[];
}

function attributeMap(pairs: OtlpKeyValue[] | undefined): OtlpSpan["attributes"] {
  const map: OtlpSpan["attributes"] = {};
  for (const { key, value } of pairs ?? []) {
    if (value.stringValue !== undefined) map[key] = value.stringValue;
    else if (value.intValue !== undefined) map[key] = Number(value.intValue);
    else if (value.doubleValue !== undefined) map[key] = value.doubleValue;
    else if (value.boolValue !== undefined) map[key] = value.boolValue;
  }
  return map;
}

/**
 * A loopback OTLP/HTTP collector: a node:http server that accepts `POST /v1/traces` with an
 * OTLP/JSON body (what @opentelemetry/exporter-trace-otlp-http sends), answers 200 with an empty
 * ExportTraceServiceResponse, and keeps every span. Anything else answers 404 / 415 and is
 * counted in `rejected`, so a test sees a wrong path or encoding instead of missing spans.
 */
export class OtlpReceiver {
  readonly spans: OtlpSpan[] = [];
  readonly rejected: string[] = [];
  private server: Server | null = null;

  async start(port: number): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.method !== "POST" || request.url !== "/v1/traces") {
          this.rejected.push(`${request.method} ${request.url}`);
          response.writeHead(404).end();
          return;
        }
        if (!request.headers["content-type"]?.startsWith("application/json")) {
          this.rejected.push(`content-type ${request.headers["content-type"]}`);
          response.writeHead(415).end();
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTraceRequest;
        for (const resourceSpans of body.resourceSpans ?? []) {
          const serviceName = attributeMap(resourceSpans.resource?.attributes)["service.name"];
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans ?? []) {
              this.spans.push({
                traceId: span.traceId,
                spanId: span.spanId,
                ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
                name: span.name,
                attributes: attributeMap(span.attributes),
                serviceName: typeof serviceName === "string" ? serviceName : undefined,
              });
            }
          }
        }
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", resolve);
    });
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
