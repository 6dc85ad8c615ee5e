import { openTestDatabase, testDatabaseKinds, type DatabaseKind } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import type { AppRuntime } from "../src/runtime/app-runtime";
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

/**
 * Runs `measure` in a fresh embedded runtime on PGlite, then on PostgreSQL when
 * TEST_DATABASE_URL names a server: one after the other, so the two never compete for the
 * machine's cores. Each runtime is closed (and its images removed) after its measurement.
 */
export async function measureOnEachDatabase<T>(
  measure: (runtime: AppRuntime, kind: DatabaseKind) => Promise<T>,
): Promise<T[]> {
  const kinds = testDatabaseKinds();
  if (!kinds.includes("postgres"))
    console.warn("TEST_DATABASE_URL is not set: measuring PGlite only.");
  const results: T[] = [];
  for (const kind of kinds) {
    const { runtime, close } = await openEmbeddedRuntime(kind);
    try {
      results.push(await measure(runtime, kind));
    } finally {
      await close();
    }
  }
  return results;
}
