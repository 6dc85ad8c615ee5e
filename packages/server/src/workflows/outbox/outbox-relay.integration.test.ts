import { openTestDatabase, testDatabaseKinds, type DatabaseHandle } from "@garment/db";
import { Inngest } from "inngest";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeInngestEventApi } from "../../../test/inngest-event-api";
import { deadlineFetch } from "../engine/deadline-fetch";
import { OutboxRelay, type SendBatch } from "./outbox-relay";
import { enqueueOutbox } from "./outbox-sql";

const silent = pino({ level: "silent" });

function inngestSender(baseUrl: string, timeoutMs: number): SendBatch {
  const client = new Inngest({
    id: "outbox-test",
    eventKey: "test-event-key",
    isDev: false,
    baseUrl,
    fetch: deadlineFetch(() => timeoutMs),
  });
  return async (events) => {
    await client.send(events.map(({ id, name, data }) => ({ id, name, data: { ...data } })));
  };
}

function events(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    name: "studio/test.requested",
    data: { n: i },
  }));
}

async function unsent(db: DatabaseHandle["db"]) {
  return db.workflowOutbox.count({ where: { sentAt: null } });
}

describe.each(testDatabaseKinds())("outbox relay on %s", (kind) => {
  let database: DatabaseHandle;
  let inngest: FakeInngestEventApi;
  let baseUrl: string;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    inngest = new FakeInngestEventApi();
    baseUrl = await inngest.start();
  });
  afterAll(async () => {
    await inngest.stop();
    await database.close();
  });

  it("keeps events while Inngest fails or hangs, and delivers each once, in batches, when it recovers", async () => {
    const { db } = database;
    const relay = new OutboxRelay({
      db,
      send: inngestSender(baseUrl, 150),
      logger: silent,
      backoff: { baseMs: 20, maxMs: 100 },
    });
    await enqueueOutbox(db, events("a", 250));

    inngest.mode = "fail";
    await relay.drain();
    expect(inngest.requests.failed).toBeGreaterThan(0);
    expect(await unsent(db)).toBe(250);
    const failed = await db.workflowOutbox.findFirstOrThrow({ where: { id: "a-0000" } });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(failed.createdAt.getTime());

    // A hanging Inngest: the per-call deadline gives up and the events stay queued.
    inngest.mode = "hang";
    await new Promise((resolve) => setTimeout(resolve, 150));
    await relay.drain();
    expect(inngest.requests.hung).toBeGreaterThan(0);
    expect(await unsent(db)).toBe(250);

    inngest.mode = "accept";
    await new Promise((resolve) => setTimeout(resolve, 150));
    await relay.drain();
    expect(await unsent(db)).toBe(0);
    const ids = inngest.accepted.map((e) => e.id);
    expect(new Set(ids).size).toBe(250);
    expect(ids).toHaveLength(250);
    expect(Math.max(...inngest.batchSizes)).toBe(100);
    expect(inngest.accepted.find((e) => e.id === "a-0042")).toEqual({
      id: "a-0042",
      name: "studio/test.requested",
      data: { n: 42 },
    });
  });

  it("runs in every instance without two relays sending the same row", async () => {
    const { db } = database;
    inngest.accepted.length = 0;
    const send = inngestSender(baseUrl, 2_000);
    const relays = [1, 2, 3].map(
      () => new OutboxRelay({ db, send, logger: silent, batchSize: 20 }),
    );
    await enqueueOutbox(db, events("b", 300));
    await Promise.all(relays.map((relay) => relay.drain()));
    expect(await unsent(db)).toBe(0);
    const ids = inngest.accepted.map((e) => e.id).filter((id) => id.startsWith("b-"));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
  });

  it("puts a sent event back on the way when it is re-sent (the sweeper's re-send)", async () => {
    const { db } = database;
    const relay = new OutboxRelay({ db, send: inngestSender(baseUrl, 2_000), logger: silent });
    await enqueueOutbox(db, events("c", 1));
    await relay.drain();
    // Sent moments ago: a re-send now is dropped; one older than the interval goes out again.
    await enqueueOutbox(db, events("c", 1));
    expect(await unsent(db)).toBe(0);
    await enqueueOutbox(db, events("c", 1), 0);
    expect(await unsent(db)).toBe(1);
    await relay.drain();
    expect(inngest.accepted.filter((e) => e.id === "c-0000")).toHaveLength(2);
  });

  it("wakes on new rows and polls on its own while started", async () => {
    const { db } = database;
    const relay = new OutboxRelay({
      db,
      send: inngestSender(baseUrl, 2_000),
      logger: silent,
      pollIntervalMs: 50,
    });
    relay.start();
    await enqueueOutbox(db, events("d", 5));
    relay.wake();
    const deadline = Date.now() + 5_000;
    while ((await unsent(db)) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await relay.stop();
    expect(await unsent(db)).toBe(0);
  });
});
