import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { createTestClient, createTestRunner } from "@garment/inngest-runner/testing";
import { EmbeddedEngine } from "./embedded-engine";
import { openTestDatabase } from "@garment/db";
import { pino } from "pino";
import { OutboxEngine } from "../outbox/outbox-engine";
import { OutboxRelay } from "../outbox/outbox-relay";

interface DispatchLikeData {
  jobId: string;
  requestId: string;
}

describe("EmbeddedEngine", () => {
  it("runs the triggered function once per event id, in process", async () => {
    const client = createTestClient("engine-test");
    let runs = 0;
    const fn = client.createFunction(
      { id: "generate", triggers: [{ event: "studio/requested" }] },
      async ({ event, step }) => step.run("work", () => ((runs += 1), event.data.jobId as string)),
    );
    const { runner, store } = createTestRunner([fn], { client });
    const engine = new EmbeddedEngine(runner);
    const data: DispatchLikeData = { jobId: "job-1", requestId: "req-1" };

    await engine.send({ id: "req-1", name: "studio/requested", data });
    await engine.send({ id: "req-1", name: "studio/requested", data });
    await engine.start();
    await runner.waitForIdle();
    await engine.stop();

    expect(runs).toBe(1);
    expect(store.all()).toMatchObject([{ status: "completed", output: "job-1", eventId: "req-1" }]);
  });
});

describe("OutboxEngine", () => {
  it(
    "relays an event to Inngest's event API with its own id, so Inngest deduplicates it",
    { timeout: 60_000 },
    async () => {
      const requests: { url: string; body: unknown }[] = [];
      const client = new Inngest({
        id: "engine-cloud-test",
        eventKey: "test-event-key",
        isDev: false,
        fetch: async (input: string | URL | Request, init?: RequestInit) => {
          const url = input instanceof Request ? input.url : String(input);
          const text = typeof init?.body === "string" ? init.body : "";
          requests.push({ url, body: JSON.parse(text) as unknown });
          return new Response(JSON.stringify({ ids: ["evt-internal-id"], status: 200 }), {
            status: 200,
            headers: { "content-type": "application/json" },
          });
        },
      });
      const database = await openTestDatabase("pglite");
      try {
        const relay = new OutboxRelay({
          db: database.db,
          send: async (events) => {
            await client.send(
              events.map(({ id, name, data }) => ({ id, name, data: { ...data } })),
            );
          },
          logger: pino({ level: "silent" }),
        });
        const engine = new OutboxEngine(database.db, relay);
        await engine.send({ id: "req-9", name: "studio/requested", data: { jobId: "job-9" } });
        await relay.drain();
        expect(requests).toHaveLength(1);
        expect(requests[0]?.url).toContain("/e/test-event-key");
        expect(requests[0]?.body).toMatchObject([
          { id: "req-9", name: "studio/requested", data: { jobId: "job-9" } },
        ]);
      } finally {
        await database.close();
      }
    },
  );
});
