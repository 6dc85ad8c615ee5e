import { Prisma, type RawQuery } from "@garment/db";
import { ulid } from "../../ids";
import { requestLogsFromBatch } from "../request-log";
import type { DispatchRecord } from "./record-dispatch";

/**
 * Records several accepted dispatches of ONE client and mode in one statement (group commit):
 * one debit of their summed cost, then every row each dispatch writes (request log, job, its
 * `queued` event, ledger entry, the row that starts its work). All or nothing: when the balance
 * does not cover the whole batch, or the batch would pass the client's cap of unfinished jobs,
 * nothing is written and this returns false, so the caller decides each dispatch on its own.
 *
 * Why: every dispatch of a client locks the same balance row until commit; one statement per
 * batch takes that lock once for many dispatches. Dispatches with an Idempotency-Key never come
 * here (a duplicate key would fail the whole batch).
 */
export async function recordDispatchBatch(
  query: RawQuery,
  records: readonly DispatchRecord[],
): Promise<boolean> {
  const first = records[0];
  if (!first) return true;
  if (records.some((r) => r.clientId !== first.clientId || r.mode !== first.mode))
    throw new Error("recordDispatchBatch: one client and mode per batch");
  if (records.some((r) => r.idempotency !== null))
    throw new Error("recordDispatchBatch: dispatches with an Idempotency-Key go alone");
  const total = records.reduce((sum, r) => sum + r.creditsCost, 0);
  const cap = first.maxUnfinishedJobs;
  const underCap =
    cap === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(SELECT count(*) FROM (
          SELECT 1 FROM jobs
           WHERE client_id = ${first.clientId}
             AND status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
           LIMIT ${cap}) AS unfinished_jobs) + ${records.length} <= ${cap}`;
  const rows = records.map(
    (r) => Prisma.sql`(${r.requestId}::text, ${r.jobId}::text, ${ulid()}::text, ${r.apiKeyId}::text,
      ${r.transport}::text, ${r.method}::text, ${r.path.slice(0, 500)}::text, ${r.statusCode}::int,
      ${r.latencyMs}::int, ${r.creditsCost}::int, ${r.jobType}::text, ${r.operationName}::text,
      ${JSON.stringify(r.request)}::jsonb, ${JSON.stringify(r.resolved)}::jsonb,
      ${JSON.stringify({ credits_cost: r.creditsCost })}::jsonb)`,
  );
  const guard = Prisma.sql`EXISTS (SELECT 1 FROM debit)`;
  // One CTE per dispatch for the row that starts its work: the engine writes it (port).
  const handOffs = records.map(
    (r, index) => Prisma.sql`, ${Prisma.raw(`hand_off_${index}`)} AS (${r.startWork(guard)})`,
  );
  const result = await query<{ balance: number | null }>(Prisma.sql`
    WITH input (request_id, job_id, ledger_id, api_key_id, transport, method, path, status_code,
                latency_ms, cost, job_type, operation_name, request, resolved, queued_extra) AS (
      VALUES ${Prisma.join(rows)}
    ), debit AS (
      UPDATE credit_accounts
         SET balance = balance - ${total}, updated_at = now()
       WHERE client_id = ${first.clientId} AND mode = ${first.mode}::"DataMode" AND balance >= ${total}
         AND ${underCap}
      RETURNING balance
    ), request_log AS (${requestLogsFromBatch(first.clientId, first.mode)}
    ), job AS (
      INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved, credits_cost, updated_at)
      SELECT job_id, ${first.clientId}, ${first.mode}::"DataMode", request_id, job_type,
             'NOT_STARTED'::"JobStatus", request, resolved, cost, now()
        FROM input, debit
    ), queued AS (
      INSERT INTO job_events (job_id, event_type, message, extra)
      SELECT job_id, 'queued', 'Accepted and queued for generation.', queued_extra FROM input, debit
    ), ledger AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
      SELECT ledger_id, ${first.clientId}, ${first.mode}::"DataMode", -cost, 'debit'::"LedgerKind",
             request_id, job_id, operation_name
        FROM input, debit
    )${Prisma.join(handOffs, "")}
    SELECT (SELECT balance FROM debit) AS balance`);
  return result[0]?.balance !== null && result[0]?.balance !== undefined;
}
