import type { DataMode, PrismaClient } from "@garment/db";

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

/**
 * Writes the request's one `request_logs` row. A dispatch already inserted it inside its
 * transaction (the job references it), so this completes that row with the outcome.
 */
export async function writeRequestLog(db: PrismaClient, entry: RequestLogEntry): Promise<void> {
  await db.$executeRaw`
    INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved, error_code)
    VALUES (${entry.requestId}, ${entry.clientId}, ${entry.apiKeyId}, ${entry.mode}::"DataMode", ${entry.transport},
            ${entry.method}, ${entry.path.slice(0, 500)}, ${entry.statusCode}, ${entry.latencyMs}, ${entry.creditsMoved}, ${entry.errorCode})
    ON CONFLICT (id) DO UPDATE SET status_code = EXCLUDED.status_code, latency_ms = EXCLUDED.latency_ms,
      credits_moved = EXCLUDED.credits_moved, error_code = EXCLUDED.error_code`;
}
