import { defineConfig } from "vitest/config";

// One long system test: two `pnpm start` servers on one PostgreSQL under load and a crash.
export default defineConfig({
  test: {
    include: ["src/**/*.system.test.ts"],
    pool: "forks",
    testTimeout: 20 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
