import type { PrismaClient } from "@garment/db";

/**
 * Seeds a client's lists in one SQL statement each (generate_series), newest row first at
 * `newest`, one millisecond apart, `tiesEvery` rows sharing each millisecond: the shape keyset
 * pages must survive (ties on created_at). Ids sort like ULIDs: later rows, larger ids.
 */
export interface ListSeed {
  clientId: string;
  mode?: "live" | "test";
  rows: number;
  /** A prefix that keeps ids apart between seeds (letters only). */
  prefix: string;
  newest?: Date;
  tiesEvery?: number;
}

function params(seed: ListSeed) {
  return {
    mode: seed.mode ?? "live",
    newest: seed.newest ?? new Date(),
    ties: seed.tiesEvery ?? 1,
  };
}

export async function seedJobs(db: PrismaClient, seed: ListSeed): Promise<void> {
  const { mode, newest, ties } = params(seed);
  await db.$executeRawUnsafe(
    `INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved,
                       credits_cost, created_at, updated_at, finished_at)
     SELECT $1 || lpad(($4::int - g)::text, 12, '0'), $2, $3::"DataMode",
            $1 || 'R' || lpad(($4::int - g)::text, 12, '0'), 'COMPLEMENTARY_GARMENT_GENERATOR',
            'SUCCESS'::"JobStatus", '{}'::jsonb, '{}'::jsonb, 5,
            $5::timestamptz - (g / $6::int) * interval '1 millisecond',
            $5::timestamptz, $5::timestamptz
       FROM generate_series(1, $4::int) AS g`,
    seed.prefix,
    seed.clientId,
    mode,
    seed.rows,
    newest.toISOString(),
    ties,
  );
}

export async function seedRequestLogs(db: PrismaClient, seed: ListSeed): Promise<void> {
  const { mode, newest, ties } = params(seed);
  await db.$executeRawUnsafe(
    `INSERT INTO request_logs (id, client_id, mode, transport, method, path, status_code,
                               latency_ms, credits_moved, created_at)
     SELECT $1 || lpad(($4::int - g)::text, 12, '0'), $2, $3::"DataMode", 'rest', 'GET',
            '/v1/credits', 200, 3, 0,
            $5::timestamptz - (g / $6::int) * interval '1 millisecond'
       FROM generate_series(1, $4::int) AS g`,
    seed.prefix,
    seed.clientId,
    mode,
    seed.rows,
    newest.toISOString(),
    ties,
  );
}
