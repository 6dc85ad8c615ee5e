import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A real HTTP server on 127.0.0.1 that records every POST and answers with the scripted
 * statuses in turn (then `fallback`); "hang" never answers, to exercise timeouts.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server: Server | null = null;
  private readonly script: (number | "hang")[];

  constructor(
    script: (number | "hang")[] = [],
    private readonly fallback = 204,
  ) {
    this.script = [...script];
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const next = this.script.shift() ?? this.fallback;
        const status = next === "hang" ? 0 : next;
        this.received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          status,
        });
        if (next === "hang") return; // the client's deadline must give up on us
        response.writeHead(status, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hooks`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}
