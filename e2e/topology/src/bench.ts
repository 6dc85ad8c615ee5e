// `pnpm bench` (topology): the system test's run at bench scale (10,000 dispatches unless
// TOPOLOGY_DISPATCHES says otherwise), writing its figures to bench-results/topology.md and
// topology.json at the repository root. Skips, saying why, without a PostgreSQL server.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./cluster";
import { readTopologyEnv } from "./env";
import { reportMarkdown, violations } from "./report";
import { runTopology } from "./run";

const env = readTopologyEnv();
if (!env.TEST_DATABASE_URL) {
  process.stderr.write(
    "bench-topology: skipped — set TEST_DATABASE_URL to a PostgreSQL server URL (the run creates and drops its own database there)\n",
  );
  process.exit(0);
}
if (!existsSync(path.join(REPO_ROOT, "apps/studio/.next/BUILD_ID"))) {
  process.stderr.write("bench-topology: building the Studio first\n");
  const built = spawnSync("pnpm", ["--filter", "@garment/studio", "build"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const dispatches = env.TOPOLOGY_DISPATCHES ?? 10_000;
const report = await runTopology({
  adminUrl: env.TEST_DATABASE_URL,
  port: env.TOPOLOGY_PORT ?? 3320,
  dispatches,
  clients: 10,
  concurrency: 16,
  flakyPercent: 25,
  flakyShare: 0.3,
  replayShare: 0.1,
  cancelShare: 0.08,
  crashAt: 0.35,
  downMs: 2_000,
  rateLimit: { requests: 300, windowMs: 60_000 },
  redisUrl: env.TOPOLOGY_REDIS_URL,
  settleTimeoutMs: 90 * 60_000,
  keep: env.TOPOLOGY_KEEP === "1",
});
const out = path.join(REPO_ROOT, "bench-results");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "topology.md"), reportMarkdown(report, "pnpm bench"));
writeFileSync(path.join(out, "topology.json"), `${JSON.stringify(report, null, 2)}\n`);
const broken = violations(report).filter(([, n]) => n > 0);
process.stderr.write(
  `bench-topology: wrote bench-results/topology.md${broken.length ? `; invariants broken: ${broken.map(([name, n]) => `${name} (${n})`).join("; ")}` : ""}\n`,
);
process.exit(broken.length ? 1 : 0);
