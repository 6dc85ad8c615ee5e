// Events sent from inside functions (`step.sendEvent`, `inngest.send`) in embedded mode. The SDK
// posts them to its client's event API; left alone, a dev-mode client posts to the default dev
// server URL, where they are silently lost or delivered to whatever listens there. A client made
// by `createEmbeddedInngest` points its event API at an address that cannot resolve
// (`.invalid`) and hands its requests to the runner instead, which starts the triggered runs
// exactly as `runner.send` does. The runner refuses any other client.
import { Inngest } from "inngest";
import { ulid } from "ulid";
import { z } from "zod";
import type { SendResult } from "./runner";

/** Where an embedded client's event and API requests go; never dialled. */
export const EMBEDDED_INNGEST_URL = "http://embedded-inngest.invalid/";

interface EventSink {
  send(event: { id: string; name: string; data: object }): Promise<SendResult>;
}

const sentEvent = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** The event API of one embedded client: routes its sends to the runner it is attached to. */
export class EmbeddedEventApi {
  private sink: EventSink | undefined;

  attach(sink: EventSink) {
    this.sink = sink;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    if (request.method !== "POST" || !/^\/e\/[^/]+$/.test(pathname)) {
      return json(501, {
        error: `The embedded Inngest runner does not serve ${request.method} ${pathname}: only sending events (POST /e/<key>) reaches it.`,
      });
    }
    if (!this.sink) {
      return json(503, { error: "No embedded runner is attached to this Inngest client yet." });
    }
    const parsed = z
      .union([sentEvent, z.array(sentEvent)])
      .safeParse(JSON.parse(await request.text()));
    if (!parsed.success) return json(400, { error: parsed.error.message });
    const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    const ids: string[] = [];
    for (const event of events) {
      // Inngest deduplicates by an event's own id; one without gets a fresh one.
      const id = event.id ?? ulid();
      await this.sink.send({ id, name: event.name, data: event.data ?? {} });
      ids.push(id);
    }
    return json(200, { ids, status: 200 });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

const eventApis = new WeakMap<Inngest.Any, EmbeddedEventApi>();

type EmbeddedClientOptions = Omit<
  ConstructorParameters<typeof Inngest>[0],
  "isDev" | "baseUrl" | "fetch" | "eventKey" | "signingKey"
>;

/**
 * An Inngest client for the embedded runner: dev mode (calls are in-process and unsigned), and
 * its events go to the runner it is given to, never to a network address.
 */
export function createEmbeddedInngest(options: EmbeddedClientOptions): Inngest.Any {
  const api = new EmbeddedEventApi();
  const client = new Inngest({
    // The runner answers ops, not Inngest's checkpoint API; a caller may still say so itself.
    checkpointing: false,
    ...options,
    isDev: true,
    baseUrl: EMBEDDED_INNGEST_URL,
    fetch: api.fetch,
  });
  eventApis.set(client, api);
  return client;
}

/** The event API of a client made by `createEmbeddedInngest`, if it was. */
export function embeddedEventApiOf(client: Inngest.Any): EmbeddedEventApi | undefined {
  return client.eventBaseUrl === EMBEDDED_INNGEST_URL ? eventApis.get(client) : undefined;
}
