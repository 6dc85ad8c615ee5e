// `pnpm bench` (server): the job list and the usage list stay flat in latency as a client's
// rows grow from 10 k to 1 M (keyset pages over indexed (client, mode, created_at, id)), on
// PostgreSQL, through the REST router in-process. Results: bench-results/lists.{json,md}.
import { percentile, writeBenchResults } from "@garment/config/bench";
import { encodeCursor } from "@garment/schemas";
import { callApi, createTestClient, createTestRuntime, type TestRuntime } from "../test/harness";
import { seedJobs, seedRequestLogs } from "../test/seed-lists";

const SIZES = (process.env.LISTS_ROWS ?? "10000,1000000").split(",").map(Number);
const SAMPLES = Number(process.env.LISTS_SAMPLES ?? 200);
const WARMUP = 20;
/** How deep the "deep cursor" page starts, as a share of the client's rows. */
const DEPTH = 0.9;

interface Row {
  rows: number;
  list: "jobs" | "usage";
  page: "first" | "deep cursor";
  medianMs: number;
  p95Ms: number;
}

const LISTS = [
  { list: "jobs", path: "/v1/jobs", table: "jobs" },
  { list: "usage", path: "/v1/usage", table: "request_logs" },
] as const;

async function cursorAt(runtime: TestRuntime, table: string, clientId: string, offset: number) {
  const [row] = await runtime.db.$queryRawUnsafe<{ created_at: Date; id: string }[]>(
    `SELECT created_at, id FROM ${table} WHERE client_id = $1 AND mode = 'live'
      ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
    clientId,
    offset,
  );
  if (!row) throw new Error(`no row at offset ${offset} of ${table}`);
  return encodeCursor({ createdAt: row.created_at, id: row.id });
}

/** Median and p95 of `SAMPLES` sequential reads after a warm-up; every answer must be a 200. */
async function time(runtime: TestRuntime, key: string, url: string) {
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const started = performance.now();
    const answer = await callApi(runtime, "GET", url, { key });
    const elapsed = performance.now() - started;
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
    if (i >= WARMUP) latencies.push(elapsed);
  }
  latencies.sort((a, b) => a - b);
  return { medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

async function main() {
  if (!process.env.TEST_DATABASE_URL) {
    console.log("lists bench: skipped (set TEST_DATABASE_URL to a PostgreSQL server)");
    return;
  }
  // The rate limit would throttle the sequential reads; nothing else differs from production.
  const runtime = await createTestRuntime("postgres", { rateLimit: null });
  const results: Row[] = [];
  try {
    for (const [index, rows] of SIZES.entries()) {
      // A client of its own per size: its lists hold exactly `rows` rows, beside the others'.
      const client = await createTestClient(runtime, 100, `Lists ${rows}`);
      const seeded = performance.now();
      const seed = { clientId: client.client_id, rows, prefix: `L${"ABCDEFGH"[index]}` };
      await seedJobs(runtime.db, seed);
      await seedRequestLogs(runtime.db, seed);
      await runtime.db.$executeRawUnsafe("ANALYZE jobs");
      await runtime.db.$executeRawUnsafe("ANALYZE request_logs");
      console.log(
        `lists bench: seeded ${rows} rows per list in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
      );
      for (const { list, path: route, table } of LISTS) {
        const deep = await cursorAt(runtime, table, client.client_id, Math.floor(rows * DEPTH));
        results.push({
          rows,
          list,
          page: "first",
          ...(await time(runtime, client.api_key, `${route}?limit=50`)),
        });
        results.push({
          rows,
          list,
          page: "deep cursor",
          ...(await time(runtime, client.api_key, `${route}?limit=50&cursor=${deep}`)),
        });
      }
    }
  } finally {
    await runtime.close();
  }
  report(results);
}

function report(results: Row[]) {
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  const at = (rows: number, list: string, page: string) =>
    results.find((r) => r.rows === rows && r.list === list && r.page === page);
  const lines = LISTS.flatMap(({ list }) =>
    (["first", "deep cursor"] as const).map((page) => {
      const a = at(small, list, page)!;
      const b = at(large, list, page)!;
      return `| ${list} | ${page} | ${a.medianMs.toFixed(1)} | ${a.p95Ms.toFixed(1)} | ${b.medianMs.toFixed(1)} | ${b.p95Ms.toFixed(1)} | ${(b.medianMs / a.medianMs).toFixed(2)}× |`;
    }),
  );
  const markdown = `# Lists: latency from ${small.toLocaleString("en")} to ${large.toLocaleString("en")} rows

Measured ${new Date().toISOString()} by \`pnpm bench\` (packages/server/bench/lists.ts) on PostgreSQL,
through the REST router in-process (authentication, rate limit off, request log, keyset page of 50
rows). Each size is a client of its own whose job list and usage list hold exactly that many rows
(seeded with generate_series, ANALYZEd); the deep cursor starts ${DEPTH * 100} % of the way down.
${SAMPLES} sequential reads per row after ${WARMUP} warm-up reads; ms.

| list | page | median @ ${small} | p95 @ ${small} | median @ ${large} | p95 @ ${large} | median ratio |
|---|---|---:|---:|---:|---:|---:|
${lines.join("\n")}

A ratio near 1× is flat: every page is an index range scan of 51 rows however deep it starts.
`;
  writeBenchResults("lists", { results }, markdown);
  console.log(markdown);
}

await main();
