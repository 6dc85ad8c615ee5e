import type { PrismaClient } from "@garment/db";
import {
  claimOutbox,
  markOutboxFailed,
  markOutboxSent,
  pruneSentOutbox,
  type ClaimedOutboxRow,
  type OutboxEvent,
} from "./outbox-sql";

/** Sends a batch of events to Inngest; resolves once Inngest accepted all of them. */
export type SendBatch = (events: OutboxEvent[]) => Promise<void>;

export interface RelayLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface OutboxRelayOptions {
  db: PrismaClient;
  send: SendBatch;
  logger: RelayLogger;
  /** Events per request to Inngest (its event API takes arrays). Default 100. */
  batchSize?: number;
  /** How often to look for due rows when nothing wakes the relay sooner. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim holds: longer than one send can take, retries and deadlines included. */
  leaseMs?: number;
  /** Retry delay after the n-th failed attempt: base · 2^(n−1), capped, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
}

/** Rows that failed this often are sent one at a time, so one bad event cannot hold a batch. */
const ALONE_AFTER_ATTEMPTS = 3;
/** Sent rows are kept past Inngest's 24 h deduplication window, then dropped (hourly). */
const KEEP_SENT_MS = 25 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Moves outbox rows to Inngest: claims due rows, sends them in batches, marks them sent, and on
 * failure (Inngest down, slow, or refusing) gives them back with exponential backoff. Runs in
 * every instance; claims never overlap. Nothing is refunded because Inngest was unreachable:
 * the event waits here until it is accepted.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<void> | null = null;
  private wakeRequested = false;
  private lastPrune = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  /** New rows were committed: send them now rather than at the next poll. */
  wake() {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** One pass: claim and send until nothing is due. Exposed for tests and the sweeper. */
  async drain(): Promise<void> {
    for (;;) {
      const rows = await claimOutbox(this.options.db, this.batchSize, this.leaseMs);
      if (rows.length === 0) return;
      const alone = rows.filter((row) => row.attempts > ALONE_AFTER_ATTEMPTS);
      const together = rows.filter((row) => row.attempts <= ALONE_AFTER_ATTEMPTS);
      const batches = [...(together.length > 0 ? [together] : []), ...alone.map((row) => [row])];
      let anySent = false;
      for (const batch of batches) anySent = (await this.sendBatch(batch)) || anySent;
      // Everything failed: Inngest is likely down; wait for the backoff instead of spinning.
      if (!anySent || rows.length < this.batchSize) return;
    }
  }

  private async drainAndPrune() {
    await this.drain();
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await pruneSentOutbox(this.options.db, KEEP_SENT_MS);
  }

  private async sendBatch(rows: ClaimedOutboxRow[]): Promise<boolean> {
    const { db, send, logger } = this.options;
    try {
      await send(rows.map(({ id, name, data }) => ({ id, name, data })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { events: rows.length, attempts: rows[0]?.attempts, error: message },
        "Inngest did not accept the events; they stay in the outbox and are retried",
      );
      await markOutboxFailed(
        db,
        rows.map((row) => ({ id: row.id, delayMs: this.retryDelay(row.attempts) })),
        message,
      );
      return false;
    }
    await markOutboxSent(
      db,
      rows.map((row) => row.id),
    );
    return true;
  }

  private retryDelay(attempts: number): number {
    const { baseMs, maxMs } = this.backoff;
    const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    return delay * (0.8 + Math.random() * 0.4);
  }

  private schedule(delayMs: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick() {
    this.timer = undefined;
    if (!this.running || this.draining) return;
    this.wakeRequested = false;
    this.draining = this.drainAndPrune().catch((error: unknown) => {
      this.options.logger.error({ err: error }, "the outbox relay failed a pass");
    });
    await this.draining;
    this.draining = null;
    if (this.running) this.schedule(this.wakeRequested ? 0 : this.pollIntervalMs);
  }
}
