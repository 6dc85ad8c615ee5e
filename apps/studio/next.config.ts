import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./security-headers";

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
  // On every response (the front door adds the same to the API's answers).
  headers: async () => [{ source: "/:path*", headers: [...SECURITY_HEADERS] }],
};

export default config;
