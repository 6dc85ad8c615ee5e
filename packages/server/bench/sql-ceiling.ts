import pg from "pg";
import { ulid } from "ulid";
import { hashApiKey } from "../src/auth/api-keys";
import { closedLoop, type LoadResult } from "./stats";

/**
 * The ceiling for the database work one dispatch does, driven straight through `pg` with no
 * HTTP, no validation and no ORM: look up the key, run the debit-and-record statement, and
 * complete the request log. The dispatch endpoint can only be slower than this.
 */
export async function measureSqlCeiling(
  url: string,
  apiKey: string,
  clientId: string,
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const keyHash = hashApiKey(apiKey);
  const request = JSON.stringify({ color: "navy", material: "cotton", pattern: "solid" });
  try {
    return await closedLoop(
      `straight SQL through pg (${concurrency} connections)`,
      concurrency,
      seconds,
      async () => {
        const requestId = ulid();
        const jobId = ulid();
        await pool.query(
          "SELECT id, client_id, mode, capabilities, revoked_at FROM api_keys WHERE key_hash = $1",
          [keyHash],
        );
        const result = await pool.query(
          `WITH debit AS (
           UPDATE credit_accounts SET balance = balance - 5, updated_at = now()
            WHERE client_id = $1 AND mode = 'live' AND balance >= 5 RETURNING balance
         ), request_log AS (
           INSERT INTO request_logs (id, client_id, mode, transport, method, path, status_code, credits_moved)
           SELECT $2, $1, 'live', 'rest', 'POST', '/v1/complementary-garment-generator', 202, -5 FROM debit
         ), job AS (
           INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved, credits_cost, updated_at)
           SELECT $3, $1, 'live', $2, 'COMPLEMENTARY_GARMENT_GENERATOR', 'NOT_STARTED', $4::jsonb, '{}'::jsonb, 5, now() FROM debit
         ), queued AS (
           INSERT INTO job_events (job_id, event_type, message, extra) SELECT $3, 'queued', 'queued', '{}'::jsonb FROM debit
         ), ledger AS (
           INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
           SELECT $5, $1, 'live', -5, 'debit', $2, $3, '' FROM debit
         )
         SELECT balance FROM debit`,
          [clientId, requestId, jobId, request, ulid()],
        );
        await pool.query(
          `INSERT INTO request_logs (id, client_id, mode, transport, method, path, status_code, latency_ms, credits_moved)
         VALUES ($1, $2, 'live', 'rest', 'POST', '/v1/complementary-garment-generator', 202, 1, -5)
         ON CONFLICT (id) DO UPDATE SET status_code = EXCLUDED.status_code, latency_ms = EXCLUDED.latency_ms`,
          [requestId, clientId],
        );
        return result.rowCount === 1 ? 202 : 402;
      },
    );
  } finally {
    await pool.end();
  }
}
