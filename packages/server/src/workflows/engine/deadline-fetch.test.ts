import { Inngest } from "inngest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { deadlineFetch } from "./deadline-fetch";

describe("deadlineFetch", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /** An "Inngest" that accepts connections and never answers. */
  async function silentInngest() {
    let requests = 0;
    server = createServer(() => {
      requests += 1;
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}/`, requests: () => requests };
  }

  it("makes an event send to a silent Inngest fail instead of hanging", async () => {
    const inngest = await silentInngest();
    const client = new Inngest({
      id: "deadline-test",
      eventKey: "test-event-key",
      isDev: false,
      baseUrl: inngest.baseUrl,
      fetch: deadlineFetch(() => 150),
    });
    const started = Date.now();
    await expect(
      client.send({ id: "req-1", name: "studio/requested", data: { jobId: "j" } }),
    ).rejects.toThrow();
    // The SDK's own retries (5 attempts, 100 ms backoff) each met the 150 ms deadline.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(inngest.requests()).toBeGreaterThanOrEqual(1);
  });

  it("keeps the caller's own abort signal", async () => {
    const inngest = await silentInngest();
    const controller = new AbortController();
    const pending = deadlineFetch(() => 60_000)(inngest.baseUrl, { signal: controller.signal });
    controller.abort(new Error("caller gave up"));
    await expect(pending).rejects.toThrow("caller gave up");
  });
});
