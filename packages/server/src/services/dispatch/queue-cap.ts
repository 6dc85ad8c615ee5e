import { Prisma } from "@garment/db";

/** The SQL of a client's cap of unfinished jobs, as every dispatch statement checks it. */
export interface QueueCap {
  /** A CTE body with one row, `unfinished`: the client's unfinished jobs, counted up to the cap. */
  queue: Prisma.Sql;
  /** The condition the debit adds: room for `needed` more jobs (TRUE when there is no cap). */
  underCap: Prisma.Sql;
  /** Whether a statement that wrote nothing was refused by the cap, from its `unfinished`. */
  isFull: (unfinished: number) => boolean;
}

/**
 * One definition for the three dispatch statements (one job, a group of jobs, a batch), so the
 * count and the comparison cannot drift apart. `needed` is how many free places the statement
 * asks for: its job count for a group, 1 for a single job and for a batch (admitted whole while
 * the client has any room: see dispatchBatch). The count stops at `cap` rows, through the
 * partial index of unfinished jobs, so a long queue costs no more to check than a full one.
 */
export function queueCap(clientId: string, cap: number | null, needed: number): QueueCap {
  if (cap === null) {
    return {
      queue: Prisma.sql`SELECT 0 AS unfinished`,
      underCap: Prisma.sql`TRUE`,
      isFull: () => false,
    };
  }
  return {
    queue: Prisma.sql`SELECT count(*)::int AS unfinished FROM (
          SELECT 1 FROM jobs
           WHERE client_id = ${clientId}
             AND status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
           LIMIT ${cap}) AS unfinished_jobs`,
    underCap: Prisma.sql`(SELECT unfinished FROM queue) + ${needed} <= ${cap}`,
    isFull: (unfinished) => unfinished + needed > cap,
  };
}
