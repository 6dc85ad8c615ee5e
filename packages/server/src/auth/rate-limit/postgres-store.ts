import type { PrismaClient } from "@garment/db";
import { gcraParameters, type RateLimit } from "./gcra";
import type { RateLimitStore } from "./rate-limit-store";

const PRUNE_EVERY_MS = 60_000;

/**
 * Shared by every instance on one database: GCRA in one upsert on the UNLOGGED
 * `rate_limit_buckets` table, timed by the database's clock so instances never disagree.
 * The row lock is held for that one autocommit statement only.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private lastPrune = 0;

  constructor(private readonly db: PrismaClient) {}

  async take(key: string, limit: RateLimit) {
    const { intervalMs, toleranceMs } = gcraParameters(limit);
    const allowed = await this.db.$queryRaw<{ tat: Date }[]>`
      INSERT INTO rate_limit_buckets AS bucket (key, tat)
      VALUES (${key}, now() + ${intervalMs}::float8 * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE
         SET tat = GREATEST(bucket.tat, now()) + ${intervalMs}::float8 * interval '1 millisecond'
       WHERE GREATEST(bucket.tat, now()) - now() <= ${toleranceMs}::float8 * interval '1 millisecond'
      RETURNING tat`;
    this.pruneNowAndThen();
    if (allowed.length > 0) return { allowed: true } as const;
    // Refused (rare by definition): a second look for how long until one request fits.
    const rows = await this.db.$queryRaw<{ ahead_ms: number }[]>`
      SELECT (EXTRACT(EPOCH FROM (tat - now())) * 1000)::float8 AS ahead_ms
        FROM rate_limit_buckets WHERE key = ${key}`;
    const ahead = rows[0]?.ahead_ms ?? toleranceMs;
    return { allowed: false, retryAfterMs: Math.max(1, ahead - toleranceMs) } as const;
  }

  /**
   * Gives one taken request back to each bucket, in one statement (the sign-in throttle counts
   * only failures: a success, or an attempt turned away unchecked, returns its tokens). Never
   * below an empty bucket. Each key once: a key named twice is given back once.
   */
  async giveBack(buckets: readonly { key: string; limit: RateLimit }[]): Promise<void> {
    if (buckets.length === 0) return;
    const keys = buckets.map((bucket) => bucket.key);
    const intervals = buckets.map((bucket) => gcraParameters(bucket.limit).intervalMs);
    await this.db.$executeRaw`
      UPDATE rate_limit_buckets AS bucket
         SET tat = GREATEST(bucket.tat - given.interval_ms * interval '1 millisecond', now())
        FROM unnest(${keys}::text[], ${intervals}::float8[]) AS given(key, interval_ms)
       WHERE bucket.key = given.key`;
  }

  /** Rows whose TAT has passed carry nothing; drop them once a minute, off the request path. */
  private pruneNowAndThen() {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    void this.db.$executeRaw`DELETE FROM rate_limit_buckets WHERE tat < now()`.catch(() => {});
  }
}
