// Authors a new migration: the SQL that takes the committed history to prisma/schema.prisma.
// Usage: pnpm --filter @garment/db migration:create add_something
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, loadMigrations, migrationsDirectory } from "../migrations";
import { pgliteScriptRunner } from "../open-database";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give the migration a snake_case name.");
  // Apply the current history to a scratch PGlite, dump its schema as SQL, and diff that
  // against the datamodel: `migrate diff --from-migrations` would need a shadow database.
  const pglite = new PGlite();
  await applyMigrations(pgliteScriptRunner(pglite), loadMigrations());
  await pglite.close();
  const sql = execFileSync(
    "prisma",
    [
      "migrate",
      "diff",
      "--from-migrations",
      migrationsDirectory(),
      "--to-schema-datamodel",
      "../../prisma/schema.prisma",
      "--script",
    ],
    { encoding: "utf8" },
  );
  if (sql.trim() === "" || sql.includes("This is an empty migration")) {
    console.log("The schema matches the migrations: nothing to do.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDirectory(), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${dir}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
