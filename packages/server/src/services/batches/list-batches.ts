import type { PrismaClient } from "@garment/db";
import type { BatchListQuery, BatchListResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";
import { summarizeBatches } from "./batch-summary";

/**
 * The caller's batches in its key's mode, newest first (GET /v1/batches), each with its counts
 * by status and its refunds so far. No total, as for jobs: `next_cursor` says more.
 */
export async function listBatches(
  db: PrismaClient,
  caller: Caller,
  query: BatchListQuery,
): Promise<BatchListResponse> {
  const { rows, next_cursor } = keysetPage(
    await db.batch.findMany({
      where: { clientId: caller.clientId, mode: caller.mode, ...keysetWhere(query) },
      orderBy: keysetOrder,
      ...keysetWindow(query),
    }),
    query,
  );
  return {
    batches: await summarizeBatches(db, rows),
    limit: query.limit,
    offset: query.offset,
    count: rows.length,
    next_cursor,
  };
}
