import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type EventApiMode = "accept" | "fail" | "hang";

export interface ReceivedEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
}

/**
 * A loopback stand-in for Inngest's event API, as the SDK calls it: `POST /e/<event key>` with
 * one event or an array, answered `{ids, status: 200}`. It can be told to fail (500, as an
 * overloaded Inngest does), to hang (accept the connection and never answer), or to accept.
 */
export class FakeInngestEventApi {
  mode: EventApiMode = "accept";
  /** Every event Inngest accepted, in order (a repeated id appears twice). */
  readonly accepted: ReceivedEvent[] = [];
  /** Requests by outcome, and events per accepted request. */
  readonly requests = { accepted: 0, failed: 0, hung: 0 };
  readonly batchSizes: number[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (!request.url?.startsWith("/e/")) {
          response.writeHead(404).end();
          return;
        }
        if (this.mode === "hang") {
          this.requests.hung += 1;
          return;
        }
        if (this.mode === "fail") {
          this.requests.failed += 1;
          response
            .writeHead(500, { "content-type": "application/json" })
            .end(JSON.stringify({ error: "temporarily unavailable", status: 500 }));
          return;
        }
        const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as
          ReceivedEvent | ReceivedEvent[];
        const events = Array.isArray(parsed) ? parsed : [parsed];
        this.requests.accepted += 1;
        this.batchSizes.push(events.length);
        this.accepted.push(...events.map(({ id, name, data }) => ({ id, name, data })));
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}
