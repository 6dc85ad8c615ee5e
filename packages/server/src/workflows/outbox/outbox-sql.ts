import { Prisma, type PrismaClient } from "@garment/db";

/** An event as the outbox keeps it; `id` is Inngest's deduplication key. */
export interface OutboxEvent {
  id: string;
  name: string;
  data: object;
}

/**
 * The outbox row for `event`, as an INSERT to embed in a larger statement: it inserts only when
 * `guard` (an SQL boolean, e.g. "the debit happened") holds, so the event exists exactly when
 * the work it starts was paid for. A repeated id is ignored (the event is already on its way).
 */
export function insertOutboxSql(event: OutboxEvent, guard: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO workflow_outbox (id, name, data)
    SELECT ${event.id}, ${event.name}, ${JSON.stringify(event.data)}::jsonb WHERE ${guard}
    ON CONFLICT (id) DO NOTHING`;
}

/**
 * The outbox rows of many events in one INSERT, for a batch's one statement: the events travel
 * as one JSON parameter, whatever their number.
 */
export function insertOutboxRowsSql(events: readonly OutboxEvent[], guard: Prisma.Sql): Prisma.Sql {
  const rows = JSON.stringify(events.map(({ id, name, data }) => ({ id, name, data })));
  return Prisma.sql`
    INSERT INTO workflow_outbox (id, name, data)
    SELECT event.id, event.name, event.data
      FROM jsonb_to_recordset(${rows}::jsonb) AS event(id text, name text, data jsonb)
     WHERE ${guard}
    ON CONFLICT (id) DO NOTHING`;
}

/** A sent event is sent again at most this often (the sweeper asks every minute). */
export const RESEND_AT_MOST_EVERY_MS = 5 * 60 * 1000;

/**
 * Puts events on the outbox, due now: a new event, or a re-send of one Inngest may have lost
 * (only if its last send is older than `resendAfterMs`; one not yet sent is already on its way).
 */
export async function enqueueOutbox(
  db: PrismaClient,
  events: OutboxEvent[],
  resendAfterMs = RESEND_AT_MOST_EVERY_MS,
): Promise<void> {
  for (const event of events) {
    await db.$executeRaw`
      INSERT INTO workflow_outbox AS outbox (id, name, data)
      VALUES (${event.id}, ${event.name}, ${JSON.stringify(event.data)}::jsonb)
      ON CONFLICT (id) DO UPDATE
         SET sent_at = NULL, next_attempt_at = now(), attempts = 0, locked_until = NULL
       WHERE outbox.sent_at < now() - ${resendAfterMs}::float8 * interval '1 millisecond'`;
  }
}

export interface ClaimedOutboxRow extends OutboxEvent {
  attempts: number;
}

/**
 * Leases up to `limit` due, unsent rows to this relay until `leaseMs` from now. SKIP LOCKED:
 * relays in other instances take other rows and never wait on each other; a relay that dies
 * mid-send leaves its rows to be claimed again when the lease runs out.
 */
export async function claimOutbox(
  db: PrismaClient,
  limit: number,
  leaseMs: number,
): Promise<ClaimedOutboxRow[]> {
  return db.$queryRaw<ClaimedOutboxRow[]>`
    UPDATE workflow_outbox
       SET locked_until = now() + ${leaseMs}::float8 * interval '1 millisecond',
           attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM workflow_outbox
        WHERE sent_at IS NULL AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, name, data, attempts`;
}

export async function markOutboxSent(db: PrismaClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE workflow_outbox SET sent_at = now(), locked_until = NULL, last_error = NULL
     WHERE id IN (${Prisma.join(ids)})`;
}

/** Gives rows back with their next attempt `delayMs` away and what went wrong. */
export async function markOutboxFailed(
  db: PrismaClient,
  failures: { id: string; delayMs: number }[],
  error: string,
): Promise<void> {
  for (const { id, delayMs } of failures) {
    await db.$executeRaw`
      UPDATE workflow_outbox
         SET locked_until = NULL, last_error = ${error.slice(0, 500)},
             next_attempt_at = now() + ${delayMs}::float8 * interval '1 millisecond'
       WHERE id = ${id} AND sent_at IS NULL`;
  }
}

/** Sent rows older than Inngest's deduplication window carry nothing; drop them. */
export async function pruneSentOutbox(db: PrismaClient, olderThanMs: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM workflow_outbox
     WHERE sent_at < now() - ${olderThanMs}::float8 * interval '1 millisecond'`;
}
