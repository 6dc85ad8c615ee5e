export { RateLimiter } from "./rate-limiter";
export type { RateLimit, RateDecision } from "./gcra";
export type { RateLimitStore } from "./rate-limit-store";
export { MemoryRateLimitStore } from "./memory-store";
export { PostgresRateLimitStore } from "./postgres-store";
export { RedisRateLimitStore } from "./redis-store";
