import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { startAppRuntime } from "@garment/server/runtime";
import { apiHandlerFor } from "./api-routes";
import { frontDoor } from "./front-door";

// `pnpm start`, the production server: the runtime first (database, workflow engine, graceful
// shutdown on SIGTERM), then Next over the production build for the Studio, then one listener
// in front of both. Next's instrumentation hook finds the runtime already started.
const { port, host } = await startAppRuntime({ frontDoor: true });
const studio = next({ dev: false, dir: dirname(dirname(fileURLToPath(import.meta.url))), port });
await studio.prepare();
const server = createServer(frontDoor({ studio: studio.getRequestHandler(), apiHandlerFor }));
server.listen(port, host, () => {
  process.stdout.write(`  Listening on http://${host ?? "localhost"}:${port}\n`);
});
