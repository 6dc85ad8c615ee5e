import type { DatabaseHandle, NotificationSubscription } from "@garment/db";

/** The channel the `api_keys` trigger announces changed keys on (payload: the key's hash). */
export const API_KEY_CHANGED_CHANNEL = "api_key_changed";

export interface ApiKeyCacheOptions {
  /** How long a key stays cached without a notification; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Valid API keys this instance has looked up, by hash, so that a request does not read its key
 * row each time. A revocation takes effect at once on every instance: the database announces
 * each changed key (a trigger on `api_keys`) and every instance drops it. While the connection
 * that hears those announcements is down, nothing is served from the cache; when it comes back
 * the cache starts empty, since announcements in between were missed. The TTL only bounds
 * memory and staleness if all of that failed.
 */
export class ApiKeyCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by every invalidation: a lookup that raced one must not store what it read. */
  private generation = 0;
  private subscription: NotificationSubscription | null = null;

  constructor(private readonly options: ApiKeyCacheOptions) {}

  /** Starts hearing the database's announcements; until then nothing is cached. */
  async start(database: Pick<DatabaseHandle, "listen">): Promise<void> {
    if (this.options.ttlMs <= 0) return;
    this.subscription = await database.listen(API_KEY_CHANGED_CHANNEL, {
      onNotification: (keyHash) => this.invalidate(keyHash),
      onConnectionChange: () => this.clear(),
    });
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached value for the hash, or `load()`'s. Only values `keep` accepts are stored (a
   * revoked or unknown key is read from the database every time).
   */
  async lookup(
    keyHash: string,
    load: () => Promise<T | null>,
    keep: (value: T) => boolean,
  ): Promise<T | null> {
    if (!this.subscription?.connected) return load();
    const now = Date.now();
    const hit = this.entries.get(keyHash);
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit) this.entries.delete(keyHash);

    const generation = this.generation;
    const value = await load();
    if (value !== null && keep(value) && generation === this.generation) {
      this.store(keyHash, value, now);
    }
    return value;
  }

  invalidate(keyHash: string): void {
    this.generation += 1;
    this.entries.delete(keyHash);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private store(keyHash: string, value: T, now: number): void {
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest stored.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(keyHash, { value, expiresAt: now + this.options.ttlMs });
  }
}
