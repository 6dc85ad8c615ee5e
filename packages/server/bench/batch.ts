// `pnpm bench` (server): a product feed of 200 rows through POST /v1/batches on the embedded
// runner with the built-in model, as the issue asks: the time from the upload to the first
// dispatch (the first job IN_PROGRESS) and from that dispatch to the last result (the batch's
// finished_at, set when its last job became terminal). Results: bench-results/batch.{json,md}.
import { percentile, writeBenchResults } from "@garment/config/bench";
import type { DatabaseKind } from "@garment/db";
import { callApi, createTestClient, validSpec } from "../test/harness";
import type { AppRuntime } from "../src/runtime/app-runtime";
import { measureOnEachDatabase } from "./embedded-runtime";

const ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 200);
const RESOLUTION = "1K";
const COLORS = ["navy", "camel", "ecru"];

interface KindResult {
  kind: DatabaseKind;
  rows: number;
  /** POST /v1/batches until its 202. */
  acceptedMs: number;
  /** The upload (the POST sent) until the first job of the batch was IN_PROGRESS. */
  uploadToFirstDispatchMs: number;
  /** That first dispatch until the batch's finished_at (its last job terminal). */
  firstDispatchToLastResultS: number;
  uploadToFinishedS: number;
  rowsPerMinute: number;
  /** When each row was done, counted from the upload. */
  rowDoneP50S: number;
  rowDoneP95S: number;
  succeeded: number;
  failed: number;
  creditsRefunded: number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function waitForFinishedBatch(runtime: AppRuntime, batchId: string, timeoutMs = 1_800_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await runtime.db.batch.findUniqueOrThrow({ where: { id: batchId } });
    if (batch.finishedAt) return batch.finishedAt;
    if (Date.now() > deadline) throw new Error(`batch ${batchId} unfinished after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function measure(runtime: AppRuntime, kind: DatabaseKind): Promise<KindResult> {
  const client = await createTestClient(runtime, 100_000, "Bench Boutique");
  // Warm-up: the first render loads fonts and textures, the first statements prepare.
  const warm = await callApi(runtime, "POST", "/v1/batches", {
    key: client.api_key,
    body: { items: [{ ...validSpec({ seed: 1, resolution: RESOLUTION }), sku: "WARM" }] },
  });
  await waitForFinishedBatch(runtime, (warm.body as { batch_id: string }).batch_id);

  const items = Array.from({ length: ROWS }, (_, row) => ({
    ...validSpec({ seed: 1000 + row, resolution: RESOLUTION, color: COLORS[row % 3] }),
    sku: `FEED-${String(row).padStart(4, "0")}`,
    display_name: `Product ${row}`,
  }));
  const uploadedAt = Date.now();
  const accepted = await callApi(runtime, "POST", "/v1/batches", {
    key: client.api_key,
    body: { idempotency_key: `bench-${uploadedAt}`, items },
  });
  const acceptedMs = Date.now() - uploadedAt;
  if (accepted.status !== 202)
    throw new Error(`the batch answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  const batchId = (accepted.body as { batch_id: string }).batch_id;
  const finishedAt = await waitForFinishedBatch(runtime, batchId);

  const jobs = await runtime.db.job.findMany({
    where: { batchId },
    select: { status: true, startedAt: true, finishedAt: true },
  });
  const firstStart = Math.min(
    ...jobs.flatMap((job) => (job.startedAt ? [job.startedAt.getTime()] : [])),
  );
  const done = jobs
    .map((job) => (job.finishedAt?.getTime() ?? finishedAt.getTime()) - uploadedAt)
    .sort((a, b) => a - b);
  const summary = await callApi(runtime, "GET", `/v1/batches/${batchId}`, {
    key: client.api_key,
  });
  const body = summary.body as {
    counts: { SUCCESS: number; FAILURE: number };
    credits_refunded: number;
  };
  const runMs = finishedAt.getTime() - firstStart;
  return {
    kind,
    rows: ROWS,
    acceptedMs,
    uploadToFirstDispatchMs: firstStart - uploadedAt,
    firstDispatchToLastResultS: seconds(runMs),
    uploadToFinishedS: seconds(finishedAt.getTime() - uploadedAt),
    rowsPerMinute: Math.round((ROWS / runMs) * 60_000),
    rowDoneP50S: seconds(percentile(done, 50)),
    rowDoneP95S: seconds(percentile(done, 95)),
    succeeded: body.counts.SUCCESS,
    failed: body.counts.FAILURE,
    creditsRefunded: body.credits_refunded,
  };
}

function report(results: KindResult[]) {
  const measuredAt = new Date().toISOString();
  const rows = results.map(
    (r) =>
      `| ${r.kind} | ${r.rows} | ${r.acceptedMs} | ${r.uploadToFirstDispatchMs} | ${r.firstDispatchToLastResultS} | ${r.uploadToFinishedS} | ${r.rowsPerMinute} | ${r.rowDoneP50S} / ${r.rowDoneP95S} | ${r.succeeded} / ${r.failed} |`,
  );
  const markdown = `# Batch benchmark\n\nMeasured ${measuredAt} by \`pnpm bench\` (packages/server/bench/batch.ts) on this 2-core machine: one POST /v1/batches of ${ROWS} rows (after a one-row warm-up batch), run by the embedded runner with its production settings and the built-in model at ${RESOLUTION}, evaluation on (re-renders count), on a fresh database per kind. "Upload → first dispatch" runs from sending the POST to the earliest \`started_at\` of the batch's jobs (the first job IN_PROGRESS); "first dispatch → last result" from there to the batch's \`finished_at\` (its last job terminal, when \`batch.finished\` is announced). Row done p50 / p95: when the rows reached a terminal state, counted from the upload.\n\n| database | rows | POST → 202 ms | upload → first dispatch ms | first dispatch → last result s | upload → finished s | rows/min | row done p50 / p95 s | succeeded / failed |\n|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n`;
  writeBenchResults("batch", { measuredAt, resolution: RESOLUTION, results }, markdown);
  console.log(markdown);
}

report(await measureOnEachDatabase(measure));
