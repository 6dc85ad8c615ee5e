import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createSecondInstance,
  createTestClient,
  createTestRuntime,
  type TestRuntime,
} from "../../test/harness";
import type { AppRuntime } from "../runtime/app-runtime";
import { revokeApiKey } from "../services/clients/api-keys";
import { hashApiKey } from "./api-keys";

const credits = (runtime: AppRuntime, key: string) =>
  callApi(runtime, "GET", "/v1/credits", { key }).then((response) => response.status);

/** Polls until the key answers 401, returning how long that took (ms), or fails after 3 s. */
async function msUntilRefused(runtime: AppRuntime, key: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 3_000) {
    if ((await credits(runtime, key)) === 401) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the revoked key was still accepted after 3 s");
}

describe.each(testDatabaseKinds())("API key cache on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("serves a known key from memory and keeps unknown keys out of it", async () => {
    const client = await createTestClient(runtime);
    expect(await credits(runtime, client.api_key)).toBe(200);
    expect(await credits(runtime, client.api_key)).toBe(200);
    expect(await credits(runtime, `sk_live_${"x".repeat(43)}`)).toBe(401);
    const cached = await runtime.apiKeys.lookup(
      hashApiKey(client.api_key),
      () => Promise.reject(new Error("read the database although the key is cached")),
      () => true,
    );
    expect(cached?.clientId).toBe(client.client_id);
  });

  it("drops a key revoked by plain SQL (another process) as soon as the change commits", async () => {
    const client = await createTestClient(runtime);
    expect(await credits(runtime, client.api_key)).toBe(200);
    await runtime.db
      .$executeRaw`UPDATE api_keys SET revoked_at = now() WHERE key_hash = ${hashApiKey(client.api_key)}`;
    expect(await msUntilRefused(runtime, client.api_key)).toBeLessThan(1_000);
  });

  it("refuses a key revoked through the Studio's service on the very next request", async () => {
    const client = await createTestClient(runtime);
    expect(await credits(runtime, client.api_key)).toBe(200);
    await revokeApiKey(runtime.db, client.api_key, {
      onRevoked: (keyHash) => runtime.apiKeys.invalidate(keyHash),
    });
    expect(await credits(runtime, client.api_key)).toBe(401);
  });

  it.runIf(kind === "postgres")(
    "drops the key on another instance of the same database within a second",
    async () => {
      const other = await createSecondInstance(runtime);
      try {
        const client = await createTestClient(runtime);
        expect(await credits(other, client.api_key)).toBe(200);
        expect(other.apiKeys.size).toBeGreaterThan(0);
        await revokeApiKey(runtime.db, client.api_key, {
          onRevoked: (keyHash) => runtime.apiKeys.invalidate(keyHash),
        });
        expect(await msUntilRefused(other, client.api_key)).toBeLessThan(1_000);
      } finally {
        await other.close();
      }
    },
  );
});
