// Child process for the graceful-shutdown test: one app instance on a PostgreSQL database,
// serving the REST API and /api/ready over real HTTP, whose renders (model "slow") hang, and
// which shuts down the way the app does on SIGTERM. Prints {"port": N} once it listens.
import { openDatabase } from "@garment/db";
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { handleReadyRequest } from "../src/rest/health";
import { handleV1Request } from "../src/rest/router";
import { exitGracefullyOnSignals } from "../src/runtime/graceful-shutdown";
import { createWorkflowTestRuntime, ScriptedModel } from "./workflow-harness";

const [url = "", graceMs = "4000"] = process.argv.slice(2);
const runtime = await createWorkflowTestRuntime("postgres", {
  database: await openDatabase({ url, migrate: false, poolSize: 8 }),
  // Far longer than the test: runs only come back this soon if they are handed back.
  leaseMs: 60_000,
  concurrency: 2,
  models: (builtin) => [new ScriptedModel("slow", builtin, 0)],
});
runtime.models.get("slow")?.hold();

const server = createServer((incoming, outgoing) => {
  const url = `http://127.0.0.1${incoming.url ?? "/"}`;
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const request = new Request(url, {
    method: incoming.method ?? "GET",
    headers: incoming.headers as Record<string, string>,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: "half" } : {}),
  });
  const answer =
    new URL(url).pathname === "/api/ready"
      ? handleReadyRequest(async () => runtime)
      : handleV1Request(runtime, request);
  void answer.then(async (response) => {
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
});
server.listen(0, "127.0.0.1", () => {
  exitGracefullyOnSignals(runtime, { graceMs: Number(graceMs), drainMs: 0 });
  process.stdout.write(
    `${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`,
  );
});
