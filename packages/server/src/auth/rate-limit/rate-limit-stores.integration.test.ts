import { openTestDatabase, testDatabaseKinds, type DatabaseHandle } from "@garment/db";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MemoryRateLimitStore } from "./memory-store";
import { PostgresRateLimitStore } from "./postgres-store";
import type { RateLimitStore } from "./rate-limit-store";
import { RedisRateLimitStore } from "./redis-store";

// The shared stores, each seen through two store objects (two app instances) at once.
interface SharedStores {
  a: RateLimitStore;
  b: RateLimitStore;
  close(): Promise<void>;
}

const redisUrl = process.env.TEST_REDIS_URL;

const backends: [string, () => Promise<SharedStores>][] = [
  ...testDatabaseKinds().map((kind): [string, () => Promise<SharedStores>] => [
    `database (${kind})`,
    async () => {
      const database: DatabaseHandle = await openTestDatabase(kind);
      return {
        a: new PostgresRateLimitStore(database.db),
        b: new PostgresRateLimitStore(database.db),
        close: () => database.close(),
      };
    },
  ]),
  ...(redisUrl
    ? [
        [
          "redis",
          async () => {
            // A random prefix per run: other tests and engineers share this Redis.
            const prefix = `gs-test:${randomBytes(6).toString("hex")}:`;
            const a = new RedisRateLimitStore(redisUrl, prefix);
            const b = new RedisRateLimitStore(redisUrl, prefix);
            return {
              a,
              b,
              close: async () => {
                await a.close();
                await b.close();
              },
            };
          },
        ] as [string, () => Promise<SharedStores>],
      ]
    : []),
];

describe.each(backends)("shared rate-limit store: %s", (_name, open) => {
  let stores: SharedStores;
  beforeAll(async () => {
    stores = await open();
  });
  afterAll(async () => {
    await stores.close();
  });

  it("holds one limit across two instances: a burst of 40 over both admits exactly 10", async () => {
    const limit = { requests: 10, windowMs: 60_000 };
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? stores.a : stores.b).take("k1", limit)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed);
    // The next request fits one interval (6 s) after the burst, give or take the test's time.
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(4_000);
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeLessThanOrEqual(6_000);
  });

  it("keeps keys apart and refills at the configured rate", async () => {
    const limit = { requests: 2, windowMs: 400 };
    expect((await stores.a.take("k2", limit)).allowed).toBe(true);
    expect((await stores.b.take("k2", limit)).allowed).toBe(true);
    expect((await stores.a.take("k2", limit)).allowed).toBe(false);
    expect((await stores.b.take("k3", limit)).allowed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 260));
    expect((await stores.b.take("k2", limit)).allowed).toBe(true);
  });
});

describe.each(testDatabaseKinds())("database store's give-back on %s", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("returns one token to each bucket in one statement, never past a full bucket", async () => {
    const store = new PostgresRateLimitStore(database.db);
    const a = { key: "give-a", limit: { requests: 2, windowMs: 60_000 } };
    const b = { key: "give-b", limit: { requests: 3, windowMs: 60_000 } };
    for (const bucket of [a, a, b, b, b]) await store.take(bucket.key, bucket.limit);
    expect((await store.take(a.key, a.limit)).allowed).toBe(false);
    expect((await store.take(b.key, b.limit)).allowed).toBe(false);

    const statements = vi.spyOn(database.db, "$executeRaw");
    await store.giveBack([a, b]);
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
    expect((await store.take(a.key, a.limit)).allowed).toBe(true);
    expect((await store.take(b.key, b.limit)).allowed).toBe(true);
    expect((await store.take(a.key, a.limit)).allowed).toBe(false);

    // Given back more often than taken, a bucket is full, not fuller.
    const c = { key: "give-c", limit: { requests: 1, windowMs: 60_000 } };
    await store.take(c.key, c.limit);
    await store.giveBack([c]);
    await store.giveBack([c]);
    expect((await store.take(c.key, c.limit)).allowed).toBe(true);
    expect((await store.take(c.key, c.limit)).allowed).toBe(false);
  });
});

describe("in-process store", () => {
  it("is what the embedded default uses: two instances would each have their own", async () => {
    const limit = { requests: 1, windowMs: 60_000 };
    const a = new MemoryRateLimitStore();
    const b = new MemoryRateLimitStore();
    expect((await a.take("k", limit)).allowed).toBe(true);
    expect((await b.take("k", limit)).allowed).toBe(true);
    expect((await a.take("k", limit)).allowed).toBe(false);
  });
});
