import { gcra, type RateLimit } from "./gcra";
import type { RateLimitStore } from "./rate-limit-store";

/** This process only: the embedded default, where there is one process. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly tats = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, limit: RateLimit) {
    const now = this.now();
    const { decision, tatMs } = gcra(this.tats.get(key) ?? null, now, limit);
    if (tatMs !== null) this.tats.set(key, tatMs);
    if (this.tats.size > 100_000) this.forgetPast(now);
    return decision;
  }

  /** A TAT in the past is the same as no entry. */
  private forgetPast(now: number) {
    for (const [key, tat] of this.tats) if (tat <= now) this.tats.delete(key);
  }
}
