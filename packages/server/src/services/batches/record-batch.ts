import { Prisma, type PrismaClient } from "@garment/db";
import { queueCap } from "../dispatch/queue-cap";
import type { DispatchRequestFields } from "../dispatch/record-dispatch";
import { requestLogFromDebit } from "../request-log";

/** One accepted row, as the statement writes it. */
export interface BatchRowRecord {
  row: number;
  jobId: string;
  /** The row's own request id: its job's, its ledger debit's (and any refund's), its run's. */
  requestId: string;
  ledgerId: string;
  sku: string | null;
  request: unknown;
  resolved: unknown;
  /** Derived from the batch's key and the row; null when the batch has no key. */
  idempotency: { key: string; bodyHash: string } | null;
}

/** The batch request (its log row moves the price of every row) and what each row's job takes. */
export interface BatchRecord extends DispatchRequestFields {
  batchId: string;
  /** The batch request's id (its log row's and the batch's); each row has its own. */
  requestId: string;
  idempotency: { key: string; bodyHash: string } | null;
  rows: BatchRowRecord[];
  /** The INSERT that starts every row's work, written only when `guard` holds. */
  startWork(guard: Prisma.Sql): Prisma.Sql;
  /** The client's cap of unfinished jobs (null: none); see dispatchBatch for how a batch meets it. */
  maxUnfinishedJobs: number | null;
}

export type BatchRecordOutcome =
  | { outcome: "accepted"; balance: number }
  | { outcome: "insufficient_balance" }
  | { outcome: "queue_full"; unfinished: number };

/**
 * Debits the whole batch and records it in ONE statement: the balance update, the batch
 * request's log row, the batch, and per row its job, `queued` event, ledger debit, idempotency
 * key and the row that starts its work. Every insert hangs off the debit, so a batch the
 * balance does not cover (or a client whose queue is full) writes nothing at all: all rows or
 * none. The rows travel as one JSON parameter, whatever their number.
 */
export async function recordBatch(
  db: PrismaClient,
  record: BatchRecord,
): Promise<BatchRecordOutcome> {
  const total = record.creditsCost * record.rows.length;
  // A batch needs one free place: it is admitted whole while the client has any room.
  const { queue, underCap, isFull } = queueCap(record.clientId, record.maxUnfinishedJobs, 1);
  const rows = JSON.stringify(
    record.rows.map((row) => ({
      row: row.row,
      job_id: row.jobId,
      request_id: row.requestId,
      ledger_id: row.ledgerId,
      sku: row.sku,
      request: row.request,
      resolved: row.resolved,
      row_key: row.idempotency?.key ?? null,
      row_hash: row.idempotency?.bodyHash ?? null,
    })),
  );
  const queuedExtra = JSON.stringify({
    credits_cost: record.creditsCost,
    batch_id: record.batchId,
  });
  const result = await db.$queryRaw<{ balance: number | null; unfinished: number }[]>`
    WITH queue AS (${queue}
    ), debit AS (
      UPDATE credit_accounts
         SET balance = balance - ${total}, updated_at = now()
       WHERE client_id = ${record.clientId} AND mode = ${record.mode}::"DataMode" AND balance >= ${total}
         AND ${underCap}
      RETURNING balance
    ), request_log AS (${requestLogFromDebit({ ...record, creditsMoved: -total })}
    ), batch AS (
      INSERT INTO batches (id, client_id, mode, request_id, idempotency_key, body_hash, item_count, credits_cost)
      SELECT ${record.batchId}, ${record.clientId}, ${record.mode}::"DataMode", ${record.requestId},
             ${record.idempotency?.key ?? null}, ${record.idempotency?.bodyHash ?? ""}, ${record.rows.length}, ${total}
        FROM debit
    ), item AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
        AS item("row" int, job_id text, request_id text, ledger_id text, sku text, request jsonb,
                resolved jsonb, row_key text, row_hash text)
    ), job AS (
      INSERT INTO jobs (id, client_id, mode, request_id, job_type, status, request, resolved, credits_cost,
                        updated_at, batch_id, batch_row, sku)
      SELECT item.job_id, ${record.clientId}, ${record.mode}::"DataMode", item.request_id, ${record.jobType},
             'NOT_STARTED'::"JobStatus", item.request, item.resolved, ${record.creditsCost}, now(),
             ${record.batchId}, item."row", item.sku
        FROM item, debit
    ), queued AS (
      INSERT INTO job_events (job_id, event_type, message, extra)
      SELECT item.job_id, 'queued', 'Accepted and queued for generation.', ${queuedExtra}::jsonb
        FROM item, debit
       ORDER BY item."row"
    ), ledger AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
      SELECT item.ledger_id, ${record.clientId}, ${record.mode}::"DataMode", ${-record.creditsCost}, 'debit'::"LedgerKind",
             item.request_id, item.job_id, ${record.operationName}
        FROM item, debit
    ), idempotency AS (
      INSERT INTO idempotency_keys (client_id, mode, key, body_hash, request_id, job_id, credits_cost)
      SELECT ${record.clientId}, ${record.mode}::"DataMode", item.row_key, item.row_hash, item.request_id,
             item.job_id, ${record.creditsCost}
        FROM item, debit
       WHERE item.row_key IS NOT NULL
    ), hand_off AS (${record.startWork(Prisma.sql`EXISTS (SELECT 1 FROM debit)`)}
    )
    SELECT (SELECT balance FROM debit) AS balance, (SELECT unfinished FROM queue) AS unfinished`;
  const row = result[0];
  if (row && row.balance !== null) return { outcome: "accepted", balance: row.balance };
  if (row && isFull(row.unfinished)) return { outcome: "queue_full", unfinished: row.unfinished };
  return { outcome: "insufficient_balance" };
}
