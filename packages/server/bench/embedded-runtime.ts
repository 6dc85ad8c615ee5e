import { openTestDatabase, type DatabaseKind } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { createRuntime } from "../src/runtime/create-runtime";
import { imageModelDirectory } from "../src/runtime/image-model-directory";
import { LocalFolderStorage } from "../src/storage/local-folder-storage";
import { UrlSigner } from "../src/storage/url-signer";
import { createWorkflowSystem } from "../src/workflows/workflow-system";

/**
 * A runtime as `next start` builds it without Inngest: a fresh test database, the built-in
 * model, the embedded runner with its production settings (concurrency, polling, leases,
 * backoff), images in a temporary folder removed on close.
 */
export async function openEmbeddedRuntime(kind: DatabaseKind) {
  const artifacts = mkdtempSync(path.join(tmpdir(), "gs-bench-wf-"));
  const registry = createImageModelRegistry();
  const runtime = await createRuntime({
    database: await openTestDatabase(kind),
    storage: new LocalFolderStorage(artifacts),
    signer: new UrlSigner("bench"),
    imageModels: imageModelDirectory(registry),
    logger: pino({ level: "silent" }),
    workflow: (parts) => createWorkflowSystem({ ...parts, imageModels: registry, inngest: {} }),
  });
  return {
    runtime,
    close: async () => {
      await runtime.close();
      rmSync(artifacts, { recursive: true, force: true });
    },
  };
}
