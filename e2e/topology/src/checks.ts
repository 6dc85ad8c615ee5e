import { createHash } from "node:crypto";
import type pg from "pg";
import type { Instance } from "./cluster";
import { call, NoAnswer } from "./http";
import type { DispatchRecord, LoadClient } from "./load";

/** What the database says after the run; every list should be empty. */
export interface LedgerFindings {
  jobs: number;
  byStatus: Record<string, number>;
  failureReasons: Record<string, number>;
  /** Jobs not SUCCESS or FAILURE. */
  unfinished: string[];
  /** Jobs without exactly one terminal event, or whose event disagrees with the status. */
  terminalEvents: string[];
  /** Accounts whose balance is not the sum of their ledger. */
  balances: string[];
  /** Jobs without exactly one debit. */
  debits: string[];
  /** Failed jobs without exactly one refund of their cost, succeeded jobs with any refund. */
  refunds: string[];
  /** Accepted dispatches whose job is missing, jobs nobody dispatched, keys that share a job. */
  dispatchMatch: string[];
  /** Cancels answered 200 whose job did not end in FAILURE. */
  cancels: string[];
}

export async function checkLedger(
  pool: pg.Pool,
  records: readonly DispatchRecord[],
): Promise<LedgerFindings> {
  const q = async <T>(text: string) => (await pool.query(text)).rows as T[];
  const jobs = await q<{ id: string; status: string; failure_reason: string | null }>(
    `SELECT id, status::text AS status, failure_reason FROM jobs`,
  );
  const byStatus: Record<string, number> = {};
  const failureReasons: Record<string, number> = {};
  for (const job of jobs) {
    byStatus[job.status] = (byStatus[job.status] ?? 0) + 1;
    if (job.status === "FAILURE") {
      const reason = job.failure_reason ?? "(none)";
      failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
    }
  }
  const unfinished = jobs
    .filter((job) => job.status !== "SUCCESS" && job.status !== "FAILURE")
    .map((job) => `${job.id} ${job.status}`);

  const terminalEvents = (
    await q<{ id: string; status: string; succeeded: number; failed: number }>(`
      SELECT j.id, j.status::text AS status,
             count(*) FILTER (WHERE e.event_type = 'succeeded')::int AS succeeded,
             count(*) FILTER (WHERE e.event_type = 'failed')::int AS failed
        FROM jobs j LEFT JOIN job_events e ON e.job_id = j.id
       GROUP BY j.id, j.status`)
  )
    .filter(
      (row) =>
        row.succeeded + row.failed !== 1 || (row.status === "SUCCESS") !== (row.succeeded === 1),
    )
    .map(
      (row) => `${row.id} ${row.status}: ${row.succeeded} succeeded, ${row.failed} failed events`,
    );

  const balances = (
    await q<{ client_id: string; mode: string; balance: number; ledger: number }>(`
      SELECT a.client_id, a.mode::text AS mode, a.balance,
             coalesce((SELECT sum(l.amount) FROM credit_ledger l
                        WHERE l.client_id = a.client_id AND l.mode = a.mode), 0)::int AS ledger
        FROM credit_accounts a`)
  )
    .filter((row) => row.balance !== row.ledger)
    .map((row) => `${row.client_id}/${row.mode}: balance ${row.balance}, ledger ${row.ledger}`);

  const money = await q<{
    id: string;
    status: string;
    cost: number;
    debits: number;
    refunds: number;
    refunded: number;
  }>(`
    SELECT j.id, j.status::text AS status, j.credits_cost AS cost,
           count(l.id) FILTER (WHERE l.kind = 'debit')::int AS debits,
           count(l.id) FILTER (WHERE l.kind = 'refund')::int AS refunds,
           coalesce(sum(l.amount) FILTER (WHERE l.kind = 'refund'), 0)::int AS refunded
      FROM jobs j LEFT JOIN credit_ledger l ON l.job_id = j.id
     GROUP BY j.id, j.status, j.credits_cost`);
  const debits = money
    .filter((row) => row.debits !== 1)
    .map((row) => `${row.id}: ${row.debits} debits`);
  const refunds = money
    .filter((row) =>
      row.status === "FAILURE"
        ? row.refunds !== 1 || row.refunded !== row.cost
        : row.status === "SUCCESS" && row.refunds !== 0,
    )
    .map(
      (row) =>
        `${row.id} ${row.status}: ${row.refunds} refunds of ${row.refunded} (cost ${row.cost})`,
    );

  const dispatchMatch: string[] = [];
  const known = new Set(jobs.map((job) => job.id));
  const dispatched = new Map<string, number>();
  for (const record of records) {
    if (!known.has(record.jobId))
      dispatchMatch.push(`dispatch ${record.index}: job ${record.jobId} missing`);
    const other = dispatched.get(record.jobId);
    if (other !== undefined)
      dispatchMatch.push(`dispatches ${other} and ${record.index} share job ${record.jobId}`);
    dispatched.set(record.jobId, record.index);
  }
  for (const job of jobs)
    if (!dispatched.has(job.id)) dispatchMatch.push(`job ${job.id} was never accepted by a 202`);

  const statusOf = new Map(jobs.map((job) => [job.id, job.status]));
  const cancels = records
    .filter((record) => record.cancelStatus === 200 && statusOf.get(record.jobId) !== "FAILURE")
    .map((record) => `${record.jobId}: cancelled (200) but ${statusOf.get(record.jobId)}`);

  return {
    jobs: jobs.length,
    byStatus,
    failureReasons,
    unfinished,
    terminalEvents,
    balances,
    debits,
    refunds,
    dispatchMatch,
    cancels,
  };
}

export interface HttpFindings {
  /** Jobs listed over HTTP (GET /v1/jobs, pages alternating between instances). */
  listed: number;
  /** Jobs whose listed status differs from the database, or that one side lacks. */
  listMismatches: string[];
  /** Catalog entries (one per succeeded job) whose image was fetched through both instances. */
  artifacts: number;
  artifactBytes: number;
  /** Images not served alike by both instances (status, type, bytes), or succeeded jobs without an image. */
  artifactProblems: string[];
  artifactFetchMs: number;
}

interface CatalogEntry {
  image_url: string | null;
  generation_job_public_id: string;
}

/**
 * Reads every client's jobs and catalog through the API, alternating instances page by page,
 * and fetches every image through both instances with its signed URL alone (no key): the bytes
 * stored by one instance, under a URL signed by one, must come back identical from each.
 */
export async function checkOverHttp(
  pool: pg.Pool,
  instances: readonly [Instance, Instance],
  clients: readonly LoadClient[],
  concurrency: number,
): Promise<HttpFindings> {
  const findings: HttpFindings = {
    listed: 0,
    listMismatches: [],
    artifacts: 0,
    artifactBytes: 0,
    artifactProblems: [],
    artifactFetchMs: 0,
  };
  const images: { jobId: string; path: string }[] = [];
  for (const client of clients) {
    const key = client.keys[0] as string;
    const expected = new Map(
      (
        await pool.query<{ id: string; status: string }>(
          `SELECT id, status::text AS status FROM jobs WHERE client_id = $1 AND mode = 'live'`,
          [client.clientId],
        )
      ).rows.map((row) => [row.id, row.status]),
    );
    const seen = new Set<string>();
    let cursor: string | null = null;
    let page = 0;
    do {
      const query: string = `/v1/jobs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const answer = await call(instances[page++ % 2] as Instance, "GET", query, { key });
      if (answer.status !== 200)
        throw new Error(`GET ${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
      const body = answer.body as {
        jobs: { public_id: string; status: string }[];
        next_cursor: string | null;
      };
      for (const job of body.jobs) {
        seen.add(job.public_id);
        findings.listed += 1;
        const status = expected.get(job.public_id);
        if (status !== job.status)
          findings.listMismatches.push(`${job.public_id}: HTTP ${job.status}, database ${status}`);
      }
      cursor = body.next_cursor;
    } while (cursor);
    for (const id of expected.keys())
      if (!seen.has(id)) findings.listMismatches.push(`${id}: in the database, not listed`);

    const succeeded = new Set(
      [...expected].filter(([, status]) => status === "SUCCESS").map(([id]) => id),
    );
    cursor = null;
    do {
      const query: string = `/v1/catalog/complementary-garments?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const answer = await call(instances[page++ % 2] as Instance, "GET", query, { key });
      if (answer.status !== 200)
        throw new Error(`GET ${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
      for (const entry of answer.body as CatalogEntry[]) {
        if (!entry.image_url) {
          findings.artifactProblems.push(
            `${entry.generation_job_public_id}: catalog entry without image_url`,
          );
          continue;
        }
        succeeded.delete(entry.generation_job_public_id);
        const url = new URL(entry.image_url, "http://placeholder");
        images.push({ jobId: entry.generation_job_public_id, path: url.pathname + url.search });
      }
      cursor = answer.headers.get("x-next-cursor");
    } while (cursor);
    for (const id of succeeded)
      findings.artifactProblems.push(`${id}: SUCCESS but no catalog image`);
  }

  const started = performance.now();
  let next = 0;
  const fetchImage = async (instance: Instance, path: string) => {
    try {
      const response = await fetch(instance.url + path, { signal: AbortSignal.timeout(60_000) });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        size: bytes.byteLength,
        sha: createHash("sha256").update(bytes).digest("hex"),
      };
    } catch (error) {
      throw new NoAnswer(`GET ${instance.name}${path}: ${(error as Error).message}`);
    }
  };
  const worker = async () => {
    for (;;) {
      const image = images[next++];
      if (!image) return;
      const [fromA, fromB] = await Promise.all(instances.map((i) => fetchImage(i, image.path)));
      if (!fromA || !fromB) continue;
      findings.artifacts += 1;
      findings.artifactBytes += fromA.size;
      if (
        fromA.status !== 200 ||
        fromB.status !== 200 ||
        fromA.type !== "image/png" ||
        fromA.size === 0 ||
        fromA.sha !== fromB.sha
      )
        findings.artifactProblems.push(
          `${image.jobId}: ${instances[0].name} ${fromA.status} ${fromA.type} ${fromA.size} B, ${instances[1].name} ${fromB.status} ${fromB.type} ${fromB.size} B, same bytes: ${fromA.sha === fromB.sha}`,
        );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  findings.artifactFetchMs = performance.now() - started;
  return findings;
}

export interface BurstFindings {
  limit: number;
  windowMs: number;
  sent: number;
  accepted: number;
  refused: number;
  other: string[];
  acceptedBy: Record<string, number>;
  refusedBy: Record<string, number>;
  durationMs: number;
  /** Most a shared bucket may accept: the burst plus what refills while the burst lasts. */
  sharedCeiling: number;
}

/**
 * One key, a burst of `sent` requests spread evenly over both instances at once: a limit held
 * per instance would accept about twice the limit, a shared one the limit (plus the refill
 * during the burst).
 */
export async function burstRateLimit(
  instances: readonly [Instance, Instance],
  key: string,
  limit: { requests: number; windowMs: number },
  sent: number,
  concurrency: number,
): Promise<BurstFindings> {
  const findings: BurstFindings = {
    limit: limit.requests,
    windowMs: limit.windowMs,
    sent,
    accepted: 0,
    refused: 0,
    other: [],
    acceptedBy: { [instances[0].name]: 0, [instances[1].name]: 0 },
    refusedBy: { [instances[0].name]: 0, [instances[1].name]: 0 },
    durationMs: 0,
    sharedCeiling: 0,
  };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= sent) return;
      const instance = instances[n % 2] as Instance;
      const answer = await call(instance, "GET", "/v1/credits", { key });
      if (answer.status === 200) {
        findings.accepted += 1;
        findings.acceptedBy[instance.name] = (findings.acceptedBy[instance.name] ?? 0) + 1;
      } else if (answer.status === 429) {
        findings.refused += 1;
        findings.refusedBy[instance.name] = (findings.refusedBy[instance.name] ?? 0) + 1;
      } else findings.other.push(`${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  findings.durationMs = performance.now() - started;
  findings.sharedCeiling =
    limit.requests + Math.ceil((limit.requests * findings.durationMs) / limit.windowMs) + 1;
  return findings;
}
