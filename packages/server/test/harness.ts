import type { ComplementaryGarmentGeneratorInput } from "@garment/schemas";
import { openTestDatabase, type DatabaseKind } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { LocalFolderStorage } from "../src/storage/local-folder-storage";
import { UrlSigner } from "../src/storage/url-signer";
import type { AppRuntime } from "../src/runtime/app-runtime";
import type { ApiSettings } from "../src/config/api-settings";
import { createRuntime } from "../src/runtime/create-runtime";
import { imageModelDirectory } from "../src/runtime/image-model-directory";
import { OutboxEngine } from "../src/workflows/outbox/outbox-engine";
import { createClient } from "../src/services/clients/create-client";
import { handleV1Request } from "../src/rest/router";

export interface TestRuntime extends AppRuntime {
  /** The hand-off: events go to the outbox table, where tests read them (no relay sends them). */
  handOff: OutboxEngine;
}

/** The events handed off so far (the outbox rows), oldest first. */
export async function handedOffEvents(runtime: AppRuntime) {
  const rows = await runtime.db.workflowOutbox.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(({ id, name, data }) => ({ id, name, data }));
}

export async function createTestRuntime(
  kind: DatabaseKind,
  settings?: Partial<ApiSettings>,
): Promise<TestRuntime> {
  const database = await openTestDatabase(kind);
  const handOff = new OutboxEngine(database.db, null);
  const runtime = await createRuntime({
    database,
    workflow: handOff,
    storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-artifacts-"))),
    signer: new UrlSigner("test-signing-secret"),
    // No hosted-model keys: only the built-in model is available.
    imageModels: imageModelDirectory(createImageModelRegistry()),
    logger: pino({ level: "silent" }),
    ...(settings ? { settings } : {}),
  });
  return Object.assign(runtime, { handOff });
}

/**
 * Another instance on the same PostgreSQL database as `runtime` (its own pool, caches and
 * listeners), as a second `next start` would be: for what must reach every instance.
 */
export async function createSecondInstance(runtime: AppRuntime): Promise<AppRuntime> {
  if (!runtime.database.url) throw new Error("a second instance needs PostgreSQL");
  return createRuntime({
    databaseOptions: { url: runtime.database.url, poolSize: 4 },
    workflow: new OutboxEngine(runtime.db, null),
    storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-artifacts-"))),
    signer: new UrlSigner("test-signing-secret"),
    imageModels: imageModelDirectory(createImageModelRegistry()),
    logger: pino({ level: "silent" }),
  });
}

export async function createTestClient(runtime: AppRuntime, credits = 100, name = "Test Boutique") {
  return createClient(runtime.db, { name, credits });
}

/** Calls the REST API in-process, exactly as the Next.js route does. */
export async function callApi(
  runtime: AppRuntime,
  method: string,
  path: string,
  options: {
    key?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await handleV1Request(
    runtime,
    new Request(`http://studio.test${path}`, { method, headers, body }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

/** A valid dispatch body: a navy cotton slim T-shirt. */
export function validSpec(
  overrides: Partial<ComplementaryGarmentGeneratorInput> = {},
): ComplementaryGarmentGeneratorInput {
  return {
    garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
    color: "navy",
    material: "cotton",
    pattern: "solid",
    fit: "slim",
    length: "hip",
    seed: 7,
    ...overrides,
  };
}
