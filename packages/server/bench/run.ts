// `pnpm bench` (server): dispatch throughput and latency on PGlite and PostgreSQL, beside two
// ceilings measured in the same run. Results: bench-results/dispatch.{json,md} at the repo root.
import { writeBenchResults } from "@garment/config/bench";
import { openTestDatabase } from "@garment/db";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { closedLoop, type LoadResult } from "./stats";
import { measureSqlCeiling } from "./sql-ceiling";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const PG_URL = process.env.TEST_DATABASE_URL;

const BODY = JSON.stringify({
  garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  color: "navy",
  material: "cotton",
  pattern: "solid",
  fit: "slim",
  seed: 1,
});

interface Child {
  process: ChildProcess;
  key: string;
  clientId: string;
}

async function startChild(script: string, args: string[]): Promise<Child> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, script), ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, LOG_LEVEL: "silent" },
    },
  );
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const message = JSON.parse(line) as { ready: boolean; key: string; clientId?: string };
    if (message.ready)
      return { process: child, key: message.key, clientId: message.clientId ?? "" };
  }
  throw new Error(`${script} exited before it was ready`);
}

async function stopChild(child: Child) {
  child.process.kill("SIGTERM");
  await new Promise((resolve) => child.process.once("exit", resolve));
}

async function httpLoad(label: string, port: number, key: string): Promise<LoadResult> {
  const url = `http://127.0.0.1:${port}/v1/complementary-garment-generator`;
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  return closedLoop(label, CONCURRENCY, SECONDS, async () => {
    const response = await fetch(url, { method: "POST", headers, body: BODY });
    await response.arrayBuffer();
    return response.status;
  });
}

async function main() {
  const results: LoadResult[] = [];
  const bare = await startChild("serve-bare.ts", ["4801"]);
  results.push(await httpLoad("ceiling: bare node:http answering 202", 4801, bare.key));
  await stopChild(bare);

  if (PG_URL) {
    // A scratch database per run, created and dropped by the test-database helper.
    const scratch = await openTestDatabase("postgres");
    const url = scratch.url ?? PG_URL;
    const api = await startChild("serve-api.ts", ["4802", url]);
    results.push(await measureSqlCeiling(url, api.key, api.clientId, CONCURRENCY, SECONDS));
    results.push(await httpLoad("dispatch endpoint on PostgreSQL", 4802, api.key));
    await stopChild(api);
    await scratch.close();
  } else {
    console.warn("TEST_DATABASE_URL is not set: skipping the PostgreSQL measurements.");
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "gs-bench-"));
  const embedded = await startChild("serve-api.ts", ["4803", "", dataDir]);
  results.push(await httpLoad("dispatch endpoint on PGlite (embedded)", 4803, embedded.key));
  await stopChild(embedded);
  rmSync(dataDir, { recursive: true, force: true });

  report(results);
}

function report(results: LoadResult[]) {
  const measuredAt = new Date().toISOString();
  const ceiling = results.find((r) => r.label.startsWith("straight SQL"));
  const onPg = results.find((r) => r.label.includes("PostgreSQL"));
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${r.throughputPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${Object.entries(
        r.statuses,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")} |`,
  );
  const verdict =
    ceiling && onPg
      ? `\nOn PostgreSQL at ${CONCURRENCY} concurrent clients the endpoint reached ${Math.round((100 * onPg.throughputPerSecond) / ceiling.throughputPerSecond)} % of the straight-SQL throughput (target ≥ 50 %) with a p99 of ${onPg.p99Ms} ms against the ceiling's ${ceiling.p99Ms} ms (target ≤ 2×: ${(onPg.p99Ms / ceiling.p99Ms).toFixed(2)}×).\n`
      : "\n";
  const markdown = `# Dispatch benchmark\n\nMeasured ${measuredAt} by \`pnpm bench\` (packages/server/bench/run.ts): ${CONCURRENCY} closed-loop clients, ${SECONDS} s per row after a 1 s warm-up, on this 2-core machine. One client dispatches from every connection (the worst case: all debits contend on one balance row).\n\n| what | requests/s | p50 ms | p99 ms | statuses |\n|---|---|---|---|---|\n${rows.join("\n")}\n${verdict}`;
  writeBenchResults(
    "dispatch",
    { measuredAt, concurrency: CONCURRENCY, seconds: SECONDS, results },
    markdown,
  );
  console.log(markdown);
}

await main();
