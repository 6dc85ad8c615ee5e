import { Prisma, type DataMode, type PrismaClient } from "@garment/db";

export interface RequestLogEntry {
  requestId: string;
  clientId: string | null;
  apiKeyId: string | null;
  mode: DataMode | null;
  transport: "rest" | "trpc";
  method: string;
  path: string;
  statusCode: number;
  latencyMs: number;
  creditsMoved: number;
  errorCode: string | null;
}

// The only module that writes `request_logs`: the edge through writeRequestLog, and the
// dispatch statement through requestLogFromDebit (so a dispatch costs one statement).

/**
 * Writes the request's one `request_logs` row. When a dispatch has already written it in its
 * statement and the request then failed (the engine refused the job: 503), this completes the
 * row with the outcome instead.
 */
export async function writeRequestLog(db: PrismaClient, entry: RequestLogEntry): Promise<void> {
  await db.$executeRaw`
    INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved, error_code)
    VALUES (${entry.requestId}, ${entry.clientId}, ${entry.apiKeyId}, ${entry.mode}::"DataMode", ${entry.transport},
            ${entry.method}, ${entry.path.slice(0, 500)}, ${entry.statusCode}, ${entry.latencyMs}, ${entry.creditsMoved}, ${entry.errorCode})
    ON CONFLICT (id) DO UPDATE SET status_code = EXCLUDED.status_code, latency_ms = EXCLUDED.latency_ms,
      credits_moved = EXCLUDED.credits_moved, error_code = EXCLUDED.error_code`;
}

/**
 * The request-log insert of a dispatch, for its one statement: it selects FROM the `debit`
 * CTE, so the row exists exactly when the debit succeeded (the job references it).
 */
export function requestLogFromDebit(entry: Omit<RequestLogEntry, "errorCode">): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved)
      SELECT ${entry.requestId}, ${entry.clientId}, ${entry.apiKeyId}, ${entry.mode}::"DataMode", ${entry.transport},
             ${entry.method}, ${entry.path.slice(0, 500)}, ${entry.statusCode}, ${entry.latencyMs}, ${entry.creditsMoved}
        FROM debit`;
}

/**
 * The request-log inserts of a batch of dispatches (recordDispatchBatch): one row per row of
 * its `input` CTE, written only when its `debit` CTE debited the batch.
 */
export function requestLogsFromBatch(clientId: string, mode: DataMode): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved)
      SELECT request_id, ${clientId}, api_key_id, ${mode}::"DataMode", transport,
             method, path, status_code, latency_ms, -cost
        FROM input, debit`;
}
