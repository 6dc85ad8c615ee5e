import type { PrismaClient } from "@garment/db";
import type { PageQuery, UsageResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";

/** The caller's request_logs rows in its key's mode, newest first (GET /v1/usage). */
export async function listUsage(
  db: PrismaClient,
  caller: Caller,
  query: PageQuery,
): Promise<UsageResponse> {
  const { rows, next_cursor } = keysetPage(
    await db.requestLog.findMany({
      where: { clientId: caller.clientId, mode: caller.mode, ...keysetWhere(query) },
      orderBy: keysetOrder,
      ...keysetWindow(query),
    }),
    query,
  );
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
    next_cursor,
  };
}
