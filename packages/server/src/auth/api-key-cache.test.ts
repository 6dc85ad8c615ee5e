import type { NotificationHandlers } from "@garment/db";
import { describe, expect, it } from "vitest";
import { ApiKeyCache } from "./api-key-cache";

/** A database whose announcements and connection the test drives by hand. */
function fakeDatabase() {
  const state = { connected: true, handlers: null as NotificationHandlers | null };
  return {
    state,
    listen: (_channel: string, handlers: NotificationHandlers) => {
      state.handlers = handlers;
      return Promise.resolve({
        get connected() {
          return state.connected;
        },
        close: () => Promise.resolve(),
      });
    },
    announce: (keyHash: string) => state.handlers?.onNotification(keyHash),
    setConnected(connected: boolean) {
      state.connected = connected;
      state.handlers?.onConnectionChange?.(connected);
    },
  };
}

const keepAll = () => true;

async function startedCache(ttlMs = 60_000) {
  const database = fakeDatabase();
  const cache = new ApiKeyCache<string>({ ttlMs, maxEntries: 2 });
  await cache.start(database);
  return { cache, database };
}

describe("ApiKeyCache", () => {
  it("reads once, then serves from memory until the key is announced as changed", async () => {
    const { cache, database } = await startedCache();
    let reads = 0;
    const load = () => Promise.resolve(`row-${++reads}`);
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-1");
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-1");
    database.announce("h1");
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-2");
  });

  it("does not store what a lookup read while a change was announced (the read may predate it)", async () => {
    const { cache, database } = await startedCache();
    let release: (value: string) => void = () => undefined;
    const slowRead = new Promise<string>((resolve) => (release = resolve));
    const pending = cache.lookup("h1", () => slowRead, keepAll);
    database.announce("h1");
    release("stale");
    expect(await pending).toBe("stale");
    expect(await cache.lookup("h1", () => Promise.resolve("fresh"), keepAll)).toBe("fresh");
  });

  it("reads every time while the announcing connection is down, and starts empty after", async () => {
    const { cache, database } = await startedCache();
    let reads = 0;
    const load = () => Promise.resolve(`row-${++reads}`);
    await cache.lookup("h1", load, keepAll);
    database.setConnected(false);
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-2");
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-3");
    expect(cache.size).toBe(0);
    database.setConnected(true);
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-4");
    expect(await cache.lookup("h1", load, keepAll)).toBe("row-4");
  });

  it("keeps only what `keep` accepts, at most maxEntries, and nothing with a TTL of 0", async () => {
    const { cache } = await startedCache();
    await cache.lookup(
      "revoked",
      () => Promise.resolve("revoked-row"),
      () => false,
    );
    expect(cache.size).toBe(0);
    for (const hash of ["a", "b", "c"])
      await cache.lookup(hash, () => Promise.resolve(hash), keepAll);
    expect(cache.size).toBe(2);
    expect(await cache.lookup("a", () => Promise.resolve("a-again"), keepAll)).toBe("a-again");

    const off = await startedCache(0);
    let reads = 0;
    const load = () => Promise.resolve(`row-${++reads}`);
    await off.cache.lookup("h", load, keepAll);
    expect(await off.cache.lookup("h", load, keepAll)).toBe("row-2");
  });
});
