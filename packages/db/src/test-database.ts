import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { readDbEnv } from "./env";
import {
  migratePostgres,
  openDatabase,
  pgliteScriptRunner,
  wrapPglite,
  type DatabaseHandle,
  type DatabaseKind,
} from "./open-database";
import { applyMigrations } from "./migrations";

let pgliteSnapshot: Promise<File | Blob> | undefined;

/**
 * A migrated PGlite image, made once per process: a fresh PGlite runs initdb in WASM (~5 s),
 * loading a dumped data dir takes about one second.
 */
function migratedPgliteSnapshot(): Promise<File | Blob> {
  pgliteSnapshot ??= (async () => {
    const pglite = new PGlite();
    await applyMigrations(pgliteScriptRunner(pglite));
    const dump = await pglite.dumpDataDir("none");
    await pglite.close();
    return dump;
  })();
  return pgliteSnapshot;
}

/** The kinds the integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return readDbEnv().TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated, isolated database. PostgreSQL ones are created and dropped per handle. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === "pglite") {
    const pglite = new PGlite({ loadDataDir: await migratedPgliteSnapshot() });
    await pglite.waitReady;
    return wrapPglite(pglite, { migrate: false, location: "memory://" });
  }
  const adminUrl = readDbEnv().TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error("Set TEST_DATABASE_URL to a PostgreSQL URL to run the PostgreSQL tests.");
  const database = await createScratchDatabase(adminUrl, "gs_test");
  const handle = await openDatabase({ url: database.url, migrate: false, poolSize: 40 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

/** A fresh PostgreSQL database on the server of `adminUrl`, migrated as `pnpm db:migrate` would. */
export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it, forcing out any connection still open. */
  drop(): Promise<void>;
}

/**
 * Creates and migrates `<prefix>_<random hex>` on the server `adminUrl` reaches (its user must
 * be allowed to create databases). For the tests here and the topology system test, which
 * open it their own way.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  await migratePostgres(url);
  return {
    name,
    url,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
