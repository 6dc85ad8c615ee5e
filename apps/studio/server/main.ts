import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
// A CommonJS bundle whose named exports Node cannot see from ESM.
import nextEnv from "@next/env";
import next from "next";
import { unexpectedErrorResponse } from "@garment/server/rest";
import { getAppRuntime, startAppRuntime } from "@garment/server/runtime";
import { apiNotFound, apiRouteFor } from "./api-routes";
import { frontDoor } from "./front-door";

// `pnpm start`, the production server. The .env files first, as `next start` reads them before
// anything else; then the runtime (database, workflow engine, graceful shutdown on SIGTERM);
// then Next over the production build for the Studio; then one listener in front of both.
// Next's instrumentation hook finds the runtime already started.
const dir = dirname(dirname(fileURLToPath(import.meta.url)));
nextEnv.loadEnvConfig(dir);
const { port, host } = await startAppRuntime({ frontDoor: true });
const runtime = await getAppRuntime();
const studio = next({ dev: false, dir, port });
await studio.prepare();
const server = createServer(
  frontDoor({
    studio: studio.getRequestHandler(),
    apiRouteFor,
    apiNotFound,
    host: `localhost:${port}`,
    onError: (error) => unexpectedErrorResponse(runtime, error),
    lifecycle: runtime.lifecycle,
  }),
);
// A port taken or an address this machine lacks: stop, rather than run on without a listener.
server.once("error", (error) => {
  runtime.logger.fatal({ err: error, port, host }, "cannot listen");
  process.exit(1);
});
server.listen(port, host, () => {
  process.stdout.write(`  Listening on http://${host ?? "localhost"}:${port}\n`);
});
