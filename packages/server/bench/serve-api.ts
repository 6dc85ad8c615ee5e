// Child process for the benchmark: the real REST handler on node:http against PGlite or
// PostgreSQL, with one client that has credits for the whole run. Prints {port, key} when ready.
import { openDatabase } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import { pino } from "pino";
import { handleV1Request } from "../src/rest/router";
import { createRuntime } from "../src/runtime/create-runtime";
import { imageModelDirectory } from "../src/runtime/image-model-directory";
import { createClient } from "../src/services/clients/create-client";
import { serveFetchHandler } from "./node-http-adapter";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalFolderStorage } from "../src/storage/local-folder-storage";
import { UrlSigner } from "../src/storage/url-signer";
import { OutboxEngine } from "../src/workflows/outbox/outbox-engine";

const [, , port, url, dataDir] = process.argv;
const database = await openDatabase(
  url ? { url, migrate: true, poolSize: 40 } : { dataDir: dataDir ?? "memory://" },
);
const runtime = await createRuntime({
  database,
  // The outbox row is written in the dispatch statement, as with a real Inngest; no relay sends it.
  workflow: new OutboxEngine(database.db, null),
  imageModels: imageModelDirectory(createImageModelRegistry()),
  storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-bench-artifacts-"))),
  signer: new UrlSigner("bench"),
  logger: pino({ level: "silent" }),
  // The limiter stays in the path (its cost is measured) with a ceiling the load never reaches.
  settings: { rateLimit: { requests: 1_000_000_000, windowMs: 60_000 } },
});
const client = await createClient(runtime.db, { name: "Bench", credits: 100_000_000 });
await serveFetchHandler((request) => handleV1Request(runtime, request), Number(port));
process.stdout.write(
  `${JSON.stringify({ ready: true, key: client.api_key, clientId: client.client_id })}\n`,
);
process.on("SIGTERM", () => void runtime.close().finally(() => process.exit(0)));
