import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { readDbEnv } from "./env";
import { findRepoRoot } from "./internal/repo-root";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** A raw connection able to run multi-statement scripts (PGlite's exec, pg's simple query). */
export interface ScriptRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function migrationsDirectory(): string {
  return readDbEnv().STUDIO_MIGRATIONS_DIR ?? path.join(findRepoRoot(), "prisma", "migrations");
}

/** The committed migrations, in order. Checksums match Prisma's (sha256 of the file). */
export function loadMigrations(dir: string = migrationsDirectory()): Migration[] {
  if (!existsSync(/* turbopackIgnore: true */ dir))
    throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(path.join(/* turbopackIgnore: true */ dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(
        path.join(/* turbopackIgnore: true */ dir, name, "migration.sql"),
        "utf8",
      );
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The same table `prisma migrate deploy` keeps, so `prisma migrate status` agrees with us.
const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction. Refuses to run when an applied
 * migration's file has changed since: history is append-only.
 */
export async function applyMigrations(
  runner: ScriptRunner,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationReport> {
  await runner.exec(MIGRATIONS_TABLE);
  const rows = await runner.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was modified after it was applied. Add a new migration instead.`,
        );
      }
      report.alreadyApplied += 1;
      continue;
    }
    const escapedName = migration.name.replace(/'/g, "''");
    await runner.exec(
      `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${randomUUID()}', '${migration.checksum}', now(), '${escapedName}', 1);\nCOMMIT;`,
    );
    report.applied.push(migration.name);
  }
  return report;
}
