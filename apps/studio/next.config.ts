import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages export TypeScript source.
  transpilePackages: [
    "@garment/schemas",
    "@garment/styling",
    "@garment/imaging",
    "@garment/db",
    "@garment/server",
    "@garment/inngest-runner",
  ],
  // PGlite loads its WASM from its own folder at run time; keep it (and sharp's native binary) unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "sharp", "pino"],
  poweredByHeader: false,
};

export default config;
