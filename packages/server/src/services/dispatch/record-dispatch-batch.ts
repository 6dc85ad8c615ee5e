import { Prisma, type RawQuery } from "@garment/db";
import { ulid } from "../../ids";
import { requestLogsFromBatch } from "../request-log";
import { queueCap } from "./queue-cap";
import type { DispatchRecord, DispatchRecordOutcome } from "./record-dispatch";

/**
 * Records several accepted dispatches of ONE client and mode in one statement: one debit of
 * their summed cost, then every row each dispatch writes (request log, job, its `queued` event,
 * ledger entry, idempotency key, the row that starts its work). All or nothing: when the balance
 * does not cover the whole set, or the set would pass the client's cap of unfinished jobs,
 * nothing is written and the outcome says which.
 *
 * Two callers. The group commit (DispatchRecorder) sends the dispatches of one client that
 * arrived together, so the balance row's lock is taken once for many; those never carry an
 * Idempotency-Key (a duplicate key would fail the whole group), and on a refusal it records
 * them one by one. A variants request (services/variants) sends its N variants, which must be
 * charged and queued whole or refused whole; their derived keys make a repeat a replay.
 */
export async function recordDispatchBatch(
  query: RawQuery,
  records: readonly DispatchRecord[],
): Promise<DispatchRecordOutcome> {
  const first = records[0];
  if (!first) return { outcome: "accepted" };
  if (records.some((r) => r.clientId !== first.clientId || r.mode !== first.mode))
    throw new Error("recordDispatchBatch: one client and mode per batch");
  const total = records.reduce((sum, r) => sum + r.creditsCost, 0);
  const { queue, underCap, isFull } = queueCap(
    first.clientId,
    first.maxUnfinishedJobs,
    records.length,
  );
  const rows = records.map(
    (r) => Prisma.sql`(${r.requestId}::text, ${r.jobId}::text, ${ulid()}::text, ${r.apiKeyId}::text,
      ${r.transport}::text, ${r.method}::text, ${r.path.slice(0, 500)}::text, ${r.statusCode}::int,
      ${r.latencyMs}::int, ${r.creditsCost}::int, ${r.jobType}::text, ${r.operationName}::text,
      ${JSON.stringify(r.request)}::jsonb, ${JSON.stringify(r.resolved)}::jsonb,
      ${JSON.stringify({ credits_cost: r.creditsCost })}::jsonb, ${r.variantOf ?? null}::text,
      ${r.idempotency?.key ?? null}::text, ${r.idempotency?.bodyHash ?? null}::text)`,
  );
  const guard = Prisma.sql`EXISTS (SELECT 1 FROM debit)`;
  // One CTE per dispatch for the row that starts its work: the engine writes it (port).
  const handOffs = records.map(
    (r, index) => Prisma.sql`, ${Prisma.raw(`hand_off_${index}`)} AS (${r.startWork(guard)})`,
  );
  const result = await query<{ balance: number | null; unfinished: number }>(Prisma.sql`
    WITH input (request_id, job_id, ledger_id, api_key_id, transport, method, path, status_code,
                latency_ms, cost, job_type, operation_name, request, resolved, queued_extra,
                variant_of, idempotency_key, body_hash) AS (
      VALUES ${Prisma.join(rows)}
    ), queue AS (${queue}
    ), debit AS (
      UPDATE credit_accounts
         SET balance = balance - ${total}, updated_at = now()
       WHERE client_id = ${first.clientId} AND mode = ${first.mode}::"DataMode" AND balance >= ${total}
         AND ${underCap}
      RETURNING balance
    ), request_log AS (${requestLogsFromBatch(first.clientId, first.mode)}
    ), job AS (
      INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved, credits_cost, updated_at, variant_of)
      SELECT job_id, ${first.clientId}, ${first.mode}::"DataMode", request_id, job_type,
             'NOT_STARTED'::"JobStatus", request, resolved, cost, now(), variant_of
        FROM input, debit
    ), queued AS (
      INSERT INTO job_events (job_id, event_type, message, extra)
      SELECT job_id, 'queued', 'Accepted and queued for generation.', queued_extra FROM input, debit
    ), ledger AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
      SELECT ledger_id, ${first.clientId}, ${first.mode}::"DataMode", -cost, 'debit'::"LedgerKind",
             request_id, job_id, operation_name
        FROM input, debit
    ), idempotency AS (
      INSERT INTO idempotency_keys (client_id, mode, key, body_hash, request_id, job_id, credits_cost)
      SELECT ${first.clientId}, ${first.mode}::"DataMode", idempotency_key, body_hash, request_id, job_id, cost
        FROM input, debit
       WHERE idempotency_key IS NOT NULL
    )${Prisma.join(handOffs, "")}
    SELECT (SELECT balance FROM debit) AS balance, (SELECT unfinished FROM queue) AS unfinished`);
  const row = result[0];
  if (row && row.balance !== null) return { outcome: "accepted" };
  if (row && isFull(row.unfinished)) return { outcome: "queue_full", unfinished: row.unfinished };
  return { outcome: "insufficient_balance" };
}
