import { defineConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const repoRoot = path.resolve(import.meta.dirname, "..");
// A throwaway embedded database per run: the server seeds it and writes the demo credentials.
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(repoRoot, ".data-e2e");
// The config is loaded again in every worker: clean once, in the main process (workers inherit env).
if (!process.env.E2E_REUSE_SERVER && !process.env.E2E_DATA_CLEANED) {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  process.env.E2E_DATA_CLEANED = "1";
}

// Debian's Chromium, never a downloaded browser. These flags keep it off the closed network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    // What `pnpm start` runs: the front door (apps/studio/server/main.ts) over the production build.
    command: "node --import tsx server/main.ts",
    cwd: path.join(repoRoot, "apps/studio"),
    url: `http://127.0.0.1:${port}/v1/operations`,
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      STUDIO_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      PORT: String(port),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      // Offers a model that always fails, for the Studio's failure-and-refund test.
      STUDIO_FAILING_IMAGE_MODEL: "1",
    },
  },
});
