// `pnpm bench` (server, second part): generation through the embedded runner with the built-in
// model and production runner settings. Measures the time from the 202 to SUCCESS one job at a
// time (latency), then a burst of jobs at once (throughput), and how much of each job's time is
// spent outside the image model. Results: bench-results/workflow.{json,md} at the repo root.
import { percentile, writeBenchResults } from "@garment/config/bench";
import type { DatabaseKind } from "@garment/db";
import { callApi, createTestClient, validSpec } from "../test/harness";
import type { AppRuntime } from "../src/runtime/app-runtime";
import { measureOnEachDatabase } from "./embedded-runtime";

const SEQUENTIAL_JOBS = Number(process.env.BENCH_WORKFLOW_JOBS ?? 12);
const BURST_JOBS = Number(process.env.BENCH_WORKFLOW_BURST ?? 40);
const RESOLUTION = "1K";

interface JobTiming {
  totalMs: number;
  modelMs: number;
}

interface KindResult {
  kind: DatabaseKind;
  sequential: { p50Ms: number; p95Ms: number; outsideModelShare: number; jobs: number };
  burst: { jobs: number; seconds: number; jobsPerMinute: number; succeeded: number };
}

/** 202 → SUCCESS from the job's own event times; model time from its artifacts' render_ms. */
async function timing(runtime: AppRuntime, jobId: string): Promise<JobTiming | null> {
  const events = await runtime.db.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
  const queued = events.find((e) => e.eventType === "queued");
  const succeeded = events.find((e) => e.eventType === "succeeded");
  if (!queued || !succeeded) return null;
  const artifacts = await runtime.db.artifact.findMany({ where: { jobId } });
  const modelMs = artifacts.reduce(
    (sum, a) => sum + Number((a.meta as { render_ms?: number } | null)?.render_ms ?? 0),
    0,
  );
  return { totalMs: succeeded.createdAt.getTime() - queued.createdAt.getTime(), modelMs };
}

async function waitForTerminal(runtime: AppRuntime, jobIds: string[], timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await runtime.db.job.count({
      where: { id: { in: jobIds }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } },
    });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} jobs still open after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function dispatch(runtime: AppRuntime, key: string, seed: number): Promise<string> {
  const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
    key,
    body: validSpec({ seed, resolution: RESOLUTION }),
  });
  if (accepted.status !== 202)
    throw new Error(`dispatch answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  return (accepted.body as { job_id: string }).job_id;
}

async function measure(runtime: AppRuntime, kind: DatabaseKind): Promise<KindResult> {
  const client = await createTestClient(runtime, 100_000, "Bench Boutique");
  // Warm-up: first render loads fonts/textures, first statements prepare.
  await waitForTerminal(runtime, [await dispatch(runtime, client.api_key, 1)]);

  const timings: JobTiming[] = [];
  for (let i = 0; i < SEQUENTIAL_JOBS; i += 1) {
    const jobId = await dispatch(runtime, client.api_key, 100 + i);
    await waitForTerminal(runtime, [jobId]);
    const t = await timing(runtime, jobId);
    if (t) timings.push(t);
  }
  const totals = timings.map((t) => t.totalMs).sort((a, b) => a - b);
  const total = timings.reduce((s, t) => s + t.totalMs, 0);
  const model = timings.reduce((s, t) => s + t.modelMs, 0);

  const started = performance.now();
  const burst = await Promise.all(
    Array.from({ length: BURST_JOBS }, (_, i) => dispatch(runtime, client.api_key, 1000 + i)),
  );
  await waitForTerminal(runtime, burst);
  const seconds = (performance.now() - started) / 1000;
  const succeeded = await runtime.db.job.count({
    where: { id: { in: burst }, status: "SUCCESS" },
  });
  return {
    kind,
    sequential: {
      jobs: timings.length,
      p50Ms: Math.round(percentile(totals, 50)),
      p95Ms: Math.round(percentile(totals, 95)),
      outsideModelShare: total > 0 ? Math.round((100 * (total - model)) / total) / 100 : 0,
    },
    burst: {
      jobs: BURST_JOBS,
      seconds: Math.round(seconds * 10) / 10,
      jobsPerMinute: Math.round((succeeded / seconds) * 60),
      succeeded,
    },
  };
}

function report(results: KindResult[]) {
  const measuredAt = new Date().toISOString();
  const rows = results.map(
    (r) =>
      `| ${r.kind} | ${r.sequential.p50Ms} | ${r.sequential.p95Ms} | ${Math.round(r.sequential.outsideModelShare * 100)} % | ${r.burst.jobsPerMinute} | ${r.burst.succeeded}/${r.burst.jobs} in ${r.burst.seconds} s |`,
  );
  const markdown = `# Generation benchmark\n\nMeasured ${measuredAt} by \`pnpm bench\` (packages/server/bench/workflow.ts) on this 2-core machine: the embedded runner with its production settings (4 concurrent runs), the built-in model at ${RESOLUTION}, evaluation on (re-renders count). Latency is one job at a time (${SEQUENTIAL_JOBS} jobs after a warm-up), from the job's \`queued\` event (written with the 202) to its \`succeeded\` event. Throughput is ${BURST_JOBS} jobs dispatched at once. "Outside the model" is the share of each job's time not spent inside \`ImageModel.render\` (planning, evaluation, storage, database writes and runner hand-offs).\n\n| database | 202 → SUCCESS p50 ms | p95 ms | outside the model | jobs/min (burst) | burst |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n`;
  writeBenchResults("workflow", { measuredAt, resolution: RESOLUTION, results }, markdown);
  console.log(markdown);
}

report(await measureOnEachDatabase(measure));
