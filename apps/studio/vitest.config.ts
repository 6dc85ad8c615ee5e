import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**"],
    // @trpc/next (and tRPC's next-app-dir adapter) import `next/cache`, `next/navigation` without an extension, which only a bundler resolves (Next
    // has no exports map): let Vite resolve it, as Next's bundler does.
    server: { deps: { inline: ["@trpc/next", "@trpc/server"] } },
  },
});
