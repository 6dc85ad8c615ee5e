import type { PrismaClient } from "@garment/db";
import type { PageQuery } from "@garment/schemas";
import type { Caller } from "../../auth/caller";

/** The caller's credit ledger, newest first: grants, debits per job and their refunds. */
export async function listLedger(db: PrismaClient, caller: Caller, page: PageQuery) {
  const where = { clientId: caller.clientId, mode: caller.mode };
  const [entries, count] = await Promise.all([
    db.creditLedgerEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.offset,
      take: page.limit,
    }),
    db.creditLedgerEntry.count({ where }),
  ]);
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
  };
}
