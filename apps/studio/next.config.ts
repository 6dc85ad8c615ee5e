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
  // On every response. The CSP says only `frame-ancestors 'none'` (no page may frame the Studio:
  // clickjacking); it restricts no script or style, so Next's inline scripts and the /docs viewer
  // run as before. X-Frame-Options says the same to browsers without CSP level 2.
  headers: async () => [
    {
      source: "/:path*",
      headers: [
        { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ],
    },
  ],
};

export default config;
