import { createTRPCClient, httpBatchLink, type TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { handleTrpcRequest } from "../trpc/handler";
import type { AppRouter } from "../trpc/root";

function batchingClient(runtime: TestRuntime, key: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://studio.test/api/trpc",
        headers: { authorization: `Bearer ${key}` },
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe("the edge shared by REST and tRPC (PGlite)", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime("pglite");
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("counts every call of a tRPC batch against the rate limit, and logs each call once", async () => {
    const client = await createTestClient(runtime);
    runtime.settings.rateLimit = { requests: 2, windowMs: 60_000 };
    try {
      const trpc = batchingClient(runtime, client.api_key);
      // One HTTP request carrying three calls: two tokens, so the third call is refused.
      const results = await Promise.allSettled([
        trpc.credits.balance.query(),
        trpc.operations.list.query(),
        trpc.reference.specVocabulary.query(),
      ]);
      const refused = results.filter((r) => r.status === "rejected");
      expect(refused).toHaveLength(1);
      const error = (refused[0] as PromiseRejectedResult).reason as TRPCClientError<AppRouter>;
      expect(error.data?.api?.code).toBe("RATE_LIMITED");
    } finally {
      runtime.settings.rateLimit = null;
    }
    const rows = await runtime.db.requestLog.findMany({
      where: { clientId: client.client_id },
    });
    expect(rows.map((r) => r.path).sort()).toEqual([
      "trpc/credits.balance",
      "trpc/operations.list",
      "trpc/reference.specVocabulary",
    ]);
    expect(rows.map((r) => r.statusCode).sort()).toEqual([200, 200, 429]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });

  it("writes a dispatch's request log once, in its statement, with the transport's status", async () => {
    const client = await createTestClient(runtime, 20);
    const rest = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    expect(rest.status).toBe(202);
    const trpc = await batchingClient(runtime, client.api_key).complementaryGarment.dispatch.mutate(
      validSpec(),
    );
    const logs = await runtime.db.requestLog.findMany({
      where: { id: { in: [rest.body.request_id as string, trpc.request_id] } },
      orderBy: { transport: "asc" },
    });
    expect(logs.map((l) => [l.transport, l.statusCode, l.creditsMoved])).toEqual([
      ["rest", 202, -5],
      ["trpc", 200, -5],
    ]);
    expect(logs.every((l) => l.latencyMs !== null)).toBe(true);
  });

  it("checks an operation's capability at the edge, the same way on both transports", async () => {
    const client = await createTestClient(runtime, 20);
    const { createApiKey } = await import("../services/clients/api-keys");
    const readOnly = await createApiKey(runtime.db, {
      clientId: client.client_id,
      capabilities: ["jobs:read"],
    });
    const rest = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
      key: readOnly.api_key,
      body: { url: "https://example.com/hook" },
    });
    expect(rest.status).toBe(403);
    const trpc = await batchingClient(runtime, readOnly.api_key)
      .webhooks.create.mutate({ url: "https://example.com/hook" })
      .catch((error: unknown) => error);
    expect((trpc as TRPCClientError<AppRouter>).data?.api?.code).toBe("FORBIDDEN");
    // A stylist-only operation refuses any API key.
    const keys = await batchingClient(runtime, client.api_key)
      .studio.apiKeys.list.query()
      .catch((error: unknown) => error);
    expect((keys as TRPCClientError<AppRouter>).data?.api?.code).toBe("FORBIDDEN");
  });
});
