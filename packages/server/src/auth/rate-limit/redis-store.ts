import { Redis } from "ioredis";
import { gcraParameters, type RateLimit } from "./gcra";
import type { RateLimitStore } from "./rate-limit-store";

// GCRA as one script, so the read and the write are atomic; timed by the Redis server's clock
// (TIME) so app instances never disagree. Returns {1, 0} when allowed, {0, retryAfterMs}.
const TAKE_SCRIPT = `
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
if tat - now > tolerance then
  return {0, math.ceil(tat - now - tolerance)}
end
local next_tat = tat + interval
redis.call('SET', KEYS[1], tostring(next_tat), 'PX', math.ceil(next_tat - now) + 1)
return {1, 0}
`;

type GcraRedis = Redis & {
  gcraTake(key: string, interval: number, tolerance: number): Promise<[number, number]>;
};

/** Shared through Redis (REDIS_URL): one script call per request; keys expire by themselves. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: GcraRedis;

  constructor(
    redis: Redis | string,
    private readonly prefix = "garment:rate:",
  ) {
    const client =
      typeof redis === "string"
        ? new Redis(redis, { lazyConnect: false, maxRetriesPerRequest: 2 })
        : redis;
    client.defineCommand("gcraTake", { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = client as GcraRedis;
  }

  async take(key: string, limit: RateLimit) {
    const { intervalMs, toleranceMs } = gcraParameters(limit);
    const [allowed, retryAfterMs] = await this.redis.gcraTake(
      this.prefix + key,
      intervalMs,
      toleranceMs,
    );
    return allowed === 1
      ? ({ allowed: true } as const)
      : ({ allowed: false, retryAfterMs: Math.max(1, retryAfterMs) } as const);
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
