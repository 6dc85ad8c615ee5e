/**
 * Prisma CLI configuration (generate and `migrate diff`, used to author migrations).
 * Migrations are *applied* by our own migrator (src/migrate.ts), not by this CLI.
 *
 * Workarounds for running Prisma 6.19's JS engine with no binary download
 * (spec/research/feasibility.md §3):
 *  - E1: the CLI needs a postgres:// DATABASE_URL to evaluate the schema, or it falls back to
 *    downloading the library engine. The adapter does the real connecting.
 *  - E2: PGlite and the schema-engine WASM re-arm long timers that keep the CLI alive; unref them.
 *  - E5: pglite-prisma-adapter 0.6.1 does not await `exec` in executeScript; failures went unseen.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import { defineConfig } from "prisma/config";

if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgresql://pglite@localhost/pglite";
}

const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, ms?: number) => {
  const timer = originalSetTimeout(handler, ms);
  if ((ms ?? 0) >= 1000) timer.unref();
  return timer;
}) as typeof setTimeout;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "../../prisma/schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "../../prisma/migrations") },
  async adapter() {
    // An in-memory database is all `migrate diff` needs; nothing here touches a real one.
    const pglite = new PGlite();
    const factory = new PrismaPGlite(pglite);
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      adapter.executeScript = async (script: string) => {
        await pglite.exec(script);
      };
      return adapter;
    };
    return factory;
  },
});
