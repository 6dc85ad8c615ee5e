import { MAX_TRPC_BATCH_CALLS } from "@garment/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { getBalance } from "../services/credits/balance";
import { handleTrpcRequest } from "../trpc/handler";

// Attack: one HTTP request that fans out without limit. A tRPC batch ran any number of
// procedures (`/api/trpc/a,a,a,a…?batch=1`). Each call now takes its own rate-limit token, and a
// batch past MAX_TRPC_BATCH_CALLS is refused with 413 before any call runs.

function batchOf(procedure: string, calls: number) {
  return Array.from({ length: calls }, () => procedure).join(",");
}

describe("tRPC batch size (PGlite)", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime("pglite", {
      rateLimit: { requests: 1000, windowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function logRows(clientId: string) {
    return runtime.db.requestLog.count({ where: { clientId } });
  }

  it("a query batch past the cap is a 413 before any call runs", async () => {
    const client = await createTestClient(runtime, 10);
    const calls = MAX_TRPC_BATCH_CALLS + 1;
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))),
    );
    const response = await handleTrpcRequest(
      runtime,
      new Request(
        `http://studio.test/api/trpc/${batchOf("credits.balance", calls)}?batch=1&input=${input}`,
        { headers: { authorization: `Bearer ${client.api_key}` } },
      ),
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message).toContain(String(MAX_TRPC_BATCH_CALLS));
    expect(response.headers.get("x-request-id")).toBeTruthy();
    // Nothing ran: no call was logged, no rate-limit token was taken.
    expect(await logRows(client.client_id)).toBe(0);
  });

  it("a mutation batch past the cap charges nothing", async () => {
    const client = await createTestClient(runtime, 1000);
    const calls = MAX_TRPC_BATCH_CALLS * 4;
    const body = JSON.stringify(
      Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, validSpec({ seed: i })])),
    );
    const response = await handleTrpcRequest(
      runtime,
      new Request(
        `http://studio.test/api/trpc/${batchOf("complementaryGarment.dispatch", calls)}?batch=1`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${client.api_key}`,
            "content-type": "application/json",
          },
          body,
        },
      ),
    );
    expect(response.status).toBe(413);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(1000);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
  });

  it("a batch at the cap runs every call, each logged on its own", async () => {
    const client = await createTestClient(runtime, 10);
    const calls = MAX_TRPC_BATCH_CALLS;
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))),
    );
    const response = await handleTrpcRequest(
      runtime,
      new Request(
        `http://studio.test/api/trpc/${batchOf("credits.balance", calls)}?batch=1&input=${input}`,
        { headers: { authorization: `Bearer ${client.api_key}` } },
      ),
    );
    expect(response.status).toBe(200);
    const results = (await response.json()) as { result: { data: { balance: number } } }[];
    expect(results).toHaveLength(calls);
    expect(results.every((r) => r.result.data.balance === 10)).toBe(true);
    expect(await logRows(client.client_id)).toBe(calls);
  });

  it("percent-encoded commas count as calls too", async () => {
    const client = await createTestClient(runtime, 10);
    const names = batchOf("credits.balance", MAX_TRPC_BATCH_CALLS + 5).replaceAll(",", "%2C");
    const response = await handleTrpcRequest(
      runtime,
      new Request(`http://studio.test/api/trpc/${names}?batch=1`, {
        headers: { authorization: `Bearer ${client.api_key}` },
      }),
    );
    expect(response.status).toBe(413);
    expect(await logRows(client.client_id)).toBe(0);
  });
});
