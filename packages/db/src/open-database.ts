import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import pg from "pg";
import { readDbEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { acquireDataDirLock } from "./internal/data-dir-lock";
import { findRepoRoot } from "./internal/repo-root";
import { applyMigrations, type ScriptRunner } from "./migrations";
import {
  listenPglite,
  listenPostgres,
  type NotificationHandlers,
  type NotificationSubscription,
} from "./notifications";

export type DatabaseKind = "pglite" | "postgres";

/** An SQL statement built with `Prisma.sql` (its `text` uses $1… placeholders). */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * Runs one statement straight on the driver (pg's pool, or PGlite), past Prisma's per-call
 * query compilation: for the few statements on the hot path of every request. Rows come back
 * as the driver gives them (int4 as number, jsonb parsed, count(*) as string unless cast).
 */
export type RawQuery = <T>(statement: SqlStatement) => Promise<T[]>;

export interface DatabaseHandle {
  db: PrismaClient;
  /** The same database as `db`, on the same connections, without Prisma in between. */
  query: RawQuery;
  /** Hears `NOTIFY channel` from any process on this database (the payload is a string). */
  listen(channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription>;
  kind: DatabaseKind;
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  /** The PostgreSQL connection URL (with credentials); undefined for PGlite. Never log it. */
  url?: string;
  /** The PostgreSQL pool's connections now; null for PGlite (one connection, no pool). */
  pool(): PoolStats | null;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open (idle or in use). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`/`postgresql://…` → PostgreSQL; unset → PGlite (embedded). */
  url?: string;
  /** PGlite folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Apply pending migrations on open. Default: yes for PGlite, no for PostgreSQL. */
  migrate?: boolean;
  poolSize?: number;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Relative folders resolve against the repo root, so the app and the CLI agree on one place. */
export function resolveDataDir(dataDir: string | undefined = readDbEnv().STUDIO_DATA_DIR): string {
  if (dataDir === "memory://") return dataDir;
  return path.resolve(findRepoRoot(), dataDir ?? ".data");
}

/**
 * Opens the database the environment points at. Never call this at module scope: PGlite takes
 * seconds to open and Next.js evaluates route modules at build time.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.url ?? readDbEnv().DATABASE_URL;
  if (url !== undefined && !isPostgresUrl(url)) {
    throw new Error(
      `DATABASE_URL must be a postgres:// or postgresql:// URL (got "${url.split(":")[0]}:…"); unset it for the embedded database.`,
    );
  }
  return url !== undefined
    ? openPostgres(
        url,
        options.migrate ?? false,
        options.poolSize ?? readDbEnv().DATABASE_POOL_SIZE,
      )
    : openPglite(resolveDataDir(options.dataDir), options.migrate ?? true);
}

async function openPglite(dataDir: string, migrate: boolean): Promise<DatabaseHandle> {
  const inMemory = dataDir === "memory://";
  const releaseLock = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    const pglite = inMemory ? new PGlite() : new PGlite(path.join(dataDir, "pglite"));
    await pglite.waitReady;
    return await wrapPglite(pglite, { migrate, location: dataDir, onClose: releaseLock });
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Wraps an open PGlite (fresh, from a folder or from a snapshot) as a migrated handle. */
export async function wrapPglite(
  pglite: PGlite,
  options: { migrate: boolean; location: string; onClose?: () => void },
): Promise<DatabaseHandle> {
  if (options.migrate) await applyMigrations(pgliteScriptRunner(pglite));
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    query: async <T>({ text, values }: SqlStatement) => (await pglite.query<T>(text, values)).rows,
    listen: (channel, handlers) => listenPglite(pglite, channel, handlers),
    kind: "pglite",
    location: options.location,
    pool: () => null,
    async close() {
      await db.$disconnect();
      await pglite.close();
      options.onClose?.();
    },
  };
}

export function pgliteScriptRunner(pglite: PGlite): ScriptRunner {
  return {
    exec: async (sql) => {
      try {
        await pglite.exec(sql);
      } catch (error) {
        await pglite.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await pglite.query<T>(sql, params)).rows,
  };
}

async function openPostgres(
  url: string,
  migrate: boolean,
  poolSize: number | undefined,
): Promise<DatabaseHandle> {
  if (migrate) await migratePostgres(url);
  // One pool for Prisma and the raw hot-path statements, so they share the connection budget.
  const pool = new pg.Pool({ connectionString: url, ...(poolSize ? { max: poolSize } : {}) });
  // An idle connection that breaks (a server restart) must not crash the process: the pool drops
  // it and opens another; Prisma adds its own listener once it connects.
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    query: async <T>({ text, values }: SqlStatement) =>
      (await pool.query(text, values)).rows as T[],
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    kind: "postgres",
    location: redactUrl(url),
    url,
    pool: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    async close() {
      await db.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

// Arbitrary but fixed: serialises concurrent migrators (two app instances starting at once).
const MIGRATION_LOCK_KEY = 72_707_369;

export async function migratePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    return await applyMigrations({
      exec: async (sql) => {
        try {
          await client.query(sql);
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      },
      query: async <T>(sql: string, params: unknown[] = []) =>
        (await client.query(sql, params)).rows as T[],
    });
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => undefined);
    await client.end();
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://…";
  }
}
