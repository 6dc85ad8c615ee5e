import type { RateDecision, RateLimit } from "./gcra";

/**
 * Where rate-limit state lives: this process (embedded default), PostgreSQL (shared by every
 * instance on one database) or Redis. `take` is atomic across every process sharing the store.
 */
export interface RateLimitStore {
  take(key: string, limit: RateLimit): Promise<RateDecision>;
  close?(): Promise<void>;
}
