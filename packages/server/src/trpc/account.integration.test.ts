import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../test/harness";
import { handleTrpcRequest } from "./handler";
import type { AppRouter } from "./root";

function clientFor(runtime: TestRuntime, key: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://studio.test/api/trpc",
        headers: { authorization: `Bearer ${key}` },
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe.each(testDatabaseKinds())("tRPC webhooks, usage and rate limit on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("manages webhook endpoints through the same service as REST", async () => {
    runtime.settings.webhooks.allowPrivateUrls = false;
    const client = await createTestClient(runtime);
    const trpc = clientFor(runtime, client.api_key);
    const refused = await trpc.webhooks.create
      .mutate({ url: "http://127.0.0.1:8080/h" })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.api?.code).toBe("VALIDATION_ERROR");

    runtime.settings.webhooks.allowPrivateUrls = true;
    const created = await trpc.webhooks.create.mutate({ url: "http://127.0.0.1:8080/h" });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await trpc.webhooks.list.query()).endpoints.map((e) => e.public_id)).toEqual([
      created.public_id,
    ]);
    await trpc.webhooks.delete.mutate({ public_id: created.public_id });
    expect((await trpc.webhooks.list.query()).endpoints).toEqual([]);
  });

  it("refuses a body past the configured size with 413 before tRPC parses it", async () => {
    const client = await createTestClient(runtime);
    runtime.settings.maxBodyBytes = 512;
    try {
      const response = await handleTrpcRequest(
        runtime,
        new Request("http://studio.test/api/trpc/webhooks.create", {
          method: "POST",
          headers: {
            authorization: `Bearer ${client.api_key}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ url: `https://example.com/${"a".repeat(600)}` }),
        }),
      );
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "PAYLOAD_TOO_LARGE",
      );
      const trpc = clientFor(runtime, client.api_key);
      expect((await trpc.webhooks.list.query()).endpoints).toEqual([]);
    } finally {
      runtime.settings.maxBodyBytes = 64 * 1024;
    }
  });

  it("lists usage, tRPC calls included, and rate-limits the credential", async () => {
    const client = await createTestClient(runtime);
    const trpc = clientFor(runtime, client.api_key);
    await trpc.credits.balance.query();
    const usage = await trpc.usage.list.query({ limit: 10 });
    expect(usage.usage[0]).toMatchObject({ transport: "trpc", path: "trpc/credits.balance" });

    runtime.settings.rateLimit = { requests: 1, windowMs: 60_000 };
    try {
      const limited = clientFor(runtime, (await createTestClient(runtime)).api_key);
      await limited.credits.balance.query();
      const error = await limited.credits.balance.query().catch((e: unknown) => e);
      expect((error as TRPCClientError<AppRouter>).data?.api?.code).toBe("RATE_LIMITED");
      expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(429);
    } finally {
      runtime.settings.rateLimit = null;
    }
  });
});
