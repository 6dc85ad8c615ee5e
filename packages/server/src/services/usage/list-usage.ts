import type { PrismaClient } from "@garment/db";
import type { UsageQuery, UsageResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";

/** The caller's request_logs rows in its key's mode, newest first (GET /v1/usage). */
export async function listUsage(
  db: PrismaClient,
  caller: Caller,
  query: UsageQuery,
): Promise<UsageResponse> {
  const rows = await db.requestLog.findMany({
    where: { clientId: caller.clientId, mode: caller.mode },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: query.offset,
    take: query.limit,
  });
  return {
    usage: rows.map((row) => ({
      request_id: row.id,
      transport: row.transport === "trpc" ? "trpc" : "rest",
      method: row.method,
      path: row.path,
      status_code: row.statusCode,
      latency_ms: row.latencyMs,
      credits_moved: row.creditsMoved,
      error_code: row.errorCode,
      created_at: row.createdAt.toISOString(),
    })),
    limit: query.limit,
    offset: query.offset,
    count: rows.length,
  };
}
