import { percentile } from "@garment/config/bench";
import { createScratchDatabase, openDatabase } from "@garment/db";
import { createApiKey, createClient } from "@garment/server";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { assertStudioBuilt, Instance, scratchLogDir, sleep } from "./cluster";
import {
  burstRateLimit,
  checkLedger,
  checkOverHttp,
  type BurstFindings,
  type HttpFindings,
  type LedgerFindings,
} from "./checks";
import { inheritedEnv } from "./env";
import { call } from "./http";
import { driveLoad, type LoadClient, type LoadResult } from "./load";

export interface TopologyOptions {
  /** A PostgreSQL server URL; the run creates its own database there. */
  adminUrl: string;
  /** Instance A listens here, B on the next port. */
  port: number;
  dispatches: number;
  clients: number;
  /** Requests the load driver keeps in flight. */
  concurrency: number;
  /** The flaky model fails this share (%) of its renders. */
  flakyPercent: number;
  flakyShare: number;
  replayShare: number;
  cancelShare: number;
  /** The crash (SIGKILL of instance A) comes after this share of the dispatches. */
  crashAt: number;
  /** How long A stays down before it is started again. */
  downMs: number;
  rateLimit: { requests: number; windowMs: number };
  /** Keep the shared rate limit in Redis instead of PostgreSQL. */
  redisUrl?: string | undefined;
  /** Give up waiting for the jobs to end after this long. */
  settleTimeoutMs: number;
  /** Keep the database and logs (debugging). */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface TopologyReport {
  options: Omit<TopologyOptions, "adminUrl" | "log">;
  startedAt: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  database: string;
  logDir: string;
  setupMs: number;
  load: Omit<LoadResult, "records" | "acceptedMs"> & {
    accepted: number;
    cancelled: number;
    cancelTooLate: number;
    acceptedP50Ms: number;
    acceptedP95Ms: number;
  };
  crash: {
    afterDispatches: number;
    runsLeasedAtKill: number;
    restartMs: number;
    instanceAStarts: number;
  };
  /** From the first dispatch to the last job's end. */
  settleMs: number;
  totalRunMs: number;
  jobsPerMinute: number;
  ledger: LedgerFindings;
  http: HttpFindings;
  burst: BurstFindings;
  /** Instance logs' lines at level error or fatal (pino JSON), at most 20. */
  errorLogLines: string[];
}

const log0 = (line: string) => process.stderr.write(`[topology] ${line}\n`);

/**
 * The production topology under load and a crash: a fresh PostgreSQL database, two `pnpm start`
 * servers of the production build on it (embedded runner on, one signing secret, the shared rate
 * limit), dispatches from several clients over both, one instance SIGKILLed and started again,
 * then every invariant checked in SQL and over HTTP.
 */
export async function runTopology(options: TopologyOptions): Promise<TopologyReport> {
  const log = options.log ?? log0;
  assertStudioBuilt();
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const setupStarted = performance.now();
  const database = await createScratchDatabase(options.adminUrl, "gs_topology");
  const logDir = scratchLogDir();
  log(`database ${database.name}, logs in ${logDir}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const env: Record<string, string> = {
    ...inheritedEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: "10",
    STUDIO_SIGNING_SECRET: randomBytes(32).toString("base64url"),
    STUDIO_RATE_LIMIT: String(options.rateLimit.requests),
    STUDIO_RATE_LIMIT_WINDOW_MS: String(options.rateLimit.windowMs),
    STUDIO_FLAKY_IMAGE_MODEL_PERCENT: String(options.flakyPercent),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  };
  const instances = [
    new Instance("A", options.port, { ...env, PORT: String(options.port) }, logDir),
    new Instance("B", options.port + 1, { ...env, PORT: String(options.port + 1) }, logDir),
  ] as const;
  const [a, b] = instances;
  try {
    // The clients and their keys, as `pnpm cli clients create` / `keys create` make them.
    const handle = await openDatabase({ url: database.url, migrate: false, poolSize: 4 });
    const clients: LoadClient[] = [];
    let burstKey: string;
    try {
      // Each key may burst to the limit and then refills at limit/window: enough keys that the
      // load itself rarely waits (it retries the 429s it gets, with the same Idempotency-Key).
      const perClient = Math.ceil(options.dispatches / options.clients);
      const keysPerClient = Math.max(
        2,
        Math.ceil((perClient * 1.5) / (options.rateLimit.requests * 0.8)),
      );
      for (let c = 0; c < options.clients; c += 1) {
        const created = await createClient(handle.db, {
          name: `topology client ${c}`,
          credits: perClient * 5 * 2 + 1_000,
        });
        const keys = [created.api_key];
        while (keys.length < keysPerClient)
          keys.push((await createApiKey(handle.db, { clientId: created.client_id })).api_key);
        clients.push({ clientId: created.client_id, keys });
      }
      burstKey = (await createClient(handle.db, { name: "topology burst", credits: 0 })).api_key;
    } finally {
      await handle.close();
    }

    // Both at once, as a deployment rolls out: they race to seed the reference data.
    await Promise.all([a.start(), b.start()]);
    const setupMs = performance.now() - setupStarted;
    log(`both instances ready in ${Math.round(setupMs)} ms`);

    const categories = await call(a, "GET", "/v1/garment-categories", {
      key: clients[0]?.keys[0] as string,
    });
    const categoryIds = categories.body as
      { public_id: string }[] | { garment_categories: { public_id: string }[] };
    const ids = (Array.isArray(categoryIds) ? categoryIds : categoryIds.garment_categories).map(
      (c) => c.public_id,
    );
    if (ids.length === 0)
      throw new Error(`no garment categories: ${JSON.stringify(categories.body)}`);

    const crash = {
      afterDispatches: Math.floor(options.dispatches * options.crashAt),
      runsLeasedAtKill: 0,
      restartMs: 0,
      instanceAStarts: 0,
    };
    const progress = setInterval(() => {
      void pool
        .query<{ status: string; n: number }>(
          `SELECT status::text AS status, count(*)::int AS n FROM jobs GROUP BY status`,
        )
        .then(({ rows }) => log(`jobs: ${rows.map((r) => `${r.status} ${r.n}`).join(", ")}`))
        .catch(() => undefined);
    }, 15_000);
    const loadStarted = performance.now();
    let load: LoadResult;
    try {
      load = await driveLoad({
        instances,
        clients,
        dispatches: options.dispatches,
        concurrency: options.concurrency,
        categories: ids,
        flakyShare: options.flakyShare,
        replayShare: options.replayShare,
        cancelShare: options.cancelShare,
        crashAfter: crash.afterDispatches,
        runTag: randomBytes(4).toString("hex"),
        crash: async () => {
          const { rows } = await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM workflow_runs WHERE status = 'running'`,
          );
          crash.runsLeasedAtKill = rows[0]?.n ?? 0;
          log(
            `SIGKILL instance A after ${crash.afterDispatches} dispatches (${crash.runsLeasedAtKill} runs leased)`,
          );
          await a.kill();
          await sleep(options.downMs);
          const restarting = performance.now();
          await a.start();
          crash.restartMs = performance.now() - restarting;
          log(`instance A ready again after ${Math.round(crash.restartMs)} ms`);
        },
      });
      log(
        `dispatched ${load.records.length} in ${Math.round(load.durationMs)} ms; waiting for every job to end`,
      );
      const deadline = Date.now() + options.settleTimeoutMs;
      for (;;) {
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM jobs WHERE status NOT IN ('SUCCESS', 'FAILURE')`,
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        if (Date.now() > deadline) {
          log(`${rows[0]?.n} jobs still unfinished after ${options.settleTimeoutMs} ms`);
          break;
        }
        await sleep(500);
      }
    } finally {
      clearInterval(progress);
    }
    const settleMs = performance.now() - loadStarted;
    crash.instanceAStarts = a.starts;
    log(`settled in ${Math.round(settleMs)} ms; checking`);

    const ledger = await checkLedger(pool, load.records);
    const http = await checkOverHttp(pool, instances, clients, 8);
    log(
      `artifacts: ${http.artifacts} fetched through both instances in ${Math.round(http.artifactFetchMs)} ms`,
    );
    const burst = await burstRateLimit(
      instances,
      burstKey,
      options.rateLimit,
      options.rateLimit.requests * 3,
      32,
    );
    log(
      `burst: ${burst.accepted} of ${burst.sent} accepted (limit ${burst.limit}, ceiling ${burst.sharedCeiling})`,
    );

    const sorted = [...load.acceptedMs].sort((x, y) => x - y);
    const { records, acceptedMs: _acceptedMs, ...loadFigures } = load;
    const succeeded = ledger.byStatus.SUCCESS ?? 0;
    const failed = ledger.byStatus.FAILURE ?? 0;
    const report: TopologyReport = {
      options: {
        port: options.port,
        dispatches: options.dispatches,
        clients: options.clients,
        concurrency: options.concurrency,
        flakyPercent: options.flakyPercent,
        flakyShare: options.flakyShare,
        replayShare: options.replayShare,
        cancelShare: options.cancelShare,
        crashAt: options.crashAt,
        downMs: options.downMs,
        rateLimit: options.rateLimit,
        redisUrl: options.redisUrl ? "(set)" : undefined,
        settleTimeoutMs: options.settleTimeoutMs,
      },
      startedAt: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, loadBefore, loadAfter: os.loadavg() },
      database: database.name,
      logDir,
      setupMs,
      load: {
        ...loadFigures,
        accepted: records.length,
        cancelled: records.filter((r) => r.cancelStatus === 200).length,
        cancelTooLate: records.filter((r) => r.cancelStatus === 409).length,
        acceptedP50Ms: percentile(sorted, 50),
        acceptedP95Ms: percentile(sorted, 95),
      },
      crash,
      settleMs,
      totalRunMs: performance.now() - setupStarted,
      jobsPerMinute: ((succeeded + failed) / settleMs) * 60_000,
      ledger,
      http,
      burst,
      errorLogLines: [],
    };
    report.errorLogLines = errorLines(instances);
    return report;
  } catch (error) {
    for (const instance of instances)
      log(`instance ${instance.name}, last lines:\n${instance.logTail()}`);
    throw error;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await pool.end();
    if (!options.keep) {
      await database.drop();
      rmSync(logDir, { recursive: true, force: true });
    }
  }
}

function errorLines(instances: readonly Instance[]): string[] {
  const lines: string[] = [];
  for (const instance of instances)
    for (const line of instance.logTail(100_000).split("\n"))
      if (/"level":(50|60)/.test(line)) lines.push(`${instance.name}: ${line.slice(0, 400)}`);
  return lines.slice(0, 20);
}
