import { Prisma, type DataMode, type RawQuery } from "@garment/db";
import { ulid } from "../../ids";
import { requestLogFromDebit } from "../request-log";
import { queueCap } from "./queue-cap";

/** What every dispatch statement records of the request that asked for it (dispatchRecordFields). */
export interface DispatchRequestFields {
  clientId: string;
  mode: DataMode;
  apiKeyId: string | null;
  transport: "rest" | "trpc";
  /** Milliseconds since the request reached the edge, for its request-log row. */
  latencyMs: number;
  /** The status the request log records (the transport's success status). */
  statusCode: number;
  method: string;
  path: string;
  jobType: string;
  operationName: string;
  /** The price of one job. */
  creditsCost: number;
}

export interface DispatchRecord extends DispatchRequestFields {
  requestId: string;
  jobId: string;
  request: unknown;
  resolved: unknown;
  idempotency: { key: string; bodyHash: string } | null;
  /** The root job this one is a variant of (a new seed of its spec); absent for a new request. */
  variantOf?: string | null;
  /**
   * The row that starts the work (the embedded runner's run, or an outbox row for Inngest), as
   * an INSERT that writes only when `guard` holds: part of this same statement, so work is
   * started exactly when it was paid for.
   */
  startWork(guard: Prisma.Sql): Prisma.Sql;
  /** Most unfinished jobs a client may have; past it nothing is written (null: no cap). */
  maxUnfinishedJobs: number | null;
}

export type DispatchRecordOutcome =
  | { outcome: "accepted" }
  | { outcome: "insufficient_balance" }
  | { outcome: "queue_full"; unfinished: number };

/**
 * Debits the credits and records the accepted request in ONE statement: the balance update,
 * the request log, the job, its `queued` event, the ledger debit, the idempotency key and the
 * row that starts the work. Every insert is conditional on the debit, so when the balance does
 * not cover the cost, or the client already has its cap of unfinished jobs, nothing is written
 * at all. One round trip keeps the balance row's lock as short as the commit allows (many
 * connections of one client contend on that row). Sent straight to the driver: it is the one
 * statement of every dispatch, and Prisma's per-call query work cost more than the statement.
 */
export async function recordDispatch(
  query: RawQuery,
  record: DispatchRecord,
): Promise<DispatchRecordOutcome> {
  const requestJson = JSON.stringify(record.request);
  const resolvedJson = JSON.stringify(record.resolved);
  const queuedExtra = JSON.stringify({ credits_cost: record.creditsCost });
  const { queue, underCap, isFull } = queueCap(record.clientId, record.maxUnfinishedJobs, 1);
  const startWork = record.startWork(Prisma.sql`EXISTS (SELECT 1 FROM debit)`);
  const rows = await query<{ balance: number | null; unfinished: number }>(Prisma.sql`
    WITH queue AS (${queue}
    ), debit AS (
      UPDATE credit_accounts
         SET balance = balance - ${record.creditsCost}, updated_at = now()
       WHERE client_id = ${record.clientId} AND mode = ${record.mode}::"DataMode" AND balance >= ${record.creditsCost}
         AND ${underCap}
      RETURNING balance
    ), request_log AS (${requestLogFromDebit({ ...record, creditsMoved: -record.creditsCost })}
    ), job AS (
      INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved, credits_cost, updated_at, variant_of)
      SELECT ${record.jobId}, ${record.clientId}, ${record.mode}::"DataMode", ${record.requestId}, ${record.jobType},
             'NOT_STARTED'::"JobStatus", ${requestJson}::jsonb, ${resolvedJson}::jsonb, ${record.creditsCost}, now(),
             ${record.variantOf ?? null}::text
        FROM debit
    ), queued AS (
      INSERT INTO job_events (job_id, event_type, message, extra)
      SELECT ${record.jobId}, 'queued', 'Accepted and queued for generation.', ${queuedExtra}::jsonb FROM debit
    ), ledger AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
      SELECT ${ulid()}, ${record.clientId}, ${record.mode}::"DataMode", ${-record.creditsCost}, 'debit'::"LedgerKind",
             ${record.requestId}, ${record.jobId}, ${record.operationName}
        FROM debit
    ), idempotency AS (
      INSERT INTO idempotency_keys (client_id, mode, key, body_hash, request_id, job_id, credits_cost)
      SELECT ${record.clientId}, ${record.mode}::"DataMode", ${record.idempotency?.key ?? ""}, ${record.idempotency?.bodyHash ?? ""},
             ${record.requestId}, ${record.jobId}, ${record.creditsCost}
        FROM debit WHERE ${record.idempotency !== null}
    ), hand_off AS (${startWork}
    )
    SELECT (SELECT balance FROM debit) AS balance, (SELECT unfinished FROM queue) AS unfinished`);
  const row = rows[0];
  if (row && row.balance !== null) return { outcome: "accepted" };
  if (row && isFull(row.unfinished)) return { outcome: "queue_full", unfinished: row.unfinished };
  return { outcome: "insufficient_balance" };
}

/** True when a write failed on a unique constraint (a concurrent duplicate), on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return (
    text.includes("23505") || text.includes("UniqueConstraintViolation") || text.includes("P2002")
  );
}
