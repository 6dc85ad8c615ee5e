import type { PrismaClient } from "@garment/db";
import type { PageQuery } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";

/** The caller's credit ledger, newest first: grants, debits per job and their refunds. */
export async function listLedger(db: PrismaClient, caller: Caller, page: PageQuery) {
  const where = { clientId: caller.clientId, mode: caller.mode };
  const [found, count] = await Promise.all([
    db.creditLedgerEntry.findMany({
      where: { ...where, ...keysetWhere(page) },
      orderBy: keysetOrder,
      ...keysetWindow(page),
    }),
    db.creditLedgerEntry.count({ where }),
  ]);
  const { rows: entries, next_cursor } = keysetPage(found, page);
  return {
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      amount: e.amount,
      job_id: e.jobId,
      note: e.note,
      created_at: e.createdAt.toISOString(),
    })),
    count,
    limit: page.limit,
    offset: page.offset,
    next_cursor,
  };
}
