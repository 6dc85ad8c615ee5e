import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../../test/harness";
import { SESSION_COOKIE, STUDIO_MODE_COOKIE } from "../../auth/session";
import { handleTrpcRequest } from "../../trpc/handler";
import type { AppRouter } from "../../trpc/root";
import { grantCredits } from "../credits/balance";
import { createUser } from "./create-user";
import { resolveSession, signIn, signOut } from "./sessions";

function trpcWith(runtime: TestRuntime, headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://studio.test/api/trpc",
        headers,
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe.each(testDatabaseKinds())("stylist sessions on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("stores an argon2id hash, signs in with the right password only, and signs out", async () => {
    const client = await createTestClient(runtime, 40);
    await createUser(runtime.db, {
      clientId: client.client_id,
      email: "Ada@Example.com",
      password: "correct horse",
    });
    const row = await runtime.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(
      createUser(runtime.db, {
        clientId: client.client_id,
        email: "ada@example.com",
        password: "another one",
      }),
    ).rejects.toThrow(/already exists/);

    expect(await signIn(runtime.db, "ada@example.com", "wrong password")).toBeNull();
    expect(await signIn(runtime.db, "nobody@example.com", "correct horse")).toBeNull();
    const session = await signIn(runtime.db, "ADA@example.com ", "correct horse");
    expect(session?.user.clientId).toBe(client.client_id);
    const stored = await runtime.db.studioSession.findFirstOrThrow({ where: { userId: row.id } });
    expect(stored.tokenHash).not.toBe(session?.token);

    expect((await resolveSession(runtime.db, session?.token))?.email).toBe("ada@example.com");
    expect(
      await resolveSession(runtime.db, session?.token, new Date(Date.now() + 15 * 86_400_000)),
    ).toBeNull();
    await signOut(runtime.db, session?.token);
    expect(await resolveSession(runtime.db, session?.token)).toBeNull();
  });

  it("authenticates tRPC by the session cookie as the stylist's client; account procedures need a session", async () => {
    const client = await createTestClient(runtime, 30);
    await createUser(runtime.db, {
      clientId: client.client_id,
      email: "bo@example.com",
      password: "long enough",
    });
    const session = await signIn(runtime.db, "bo@example.com", "long enough");
    const cookie = `other=1; ${SESSION_COOKIE}=${session?.token}`;
    const stylist = trpcWith(runtime, { cookie });
    expect((await stylist.credits.balance.query()).balance).toBe(30);
    expect((await stylist.studio.me.query()).client_id).toBe(client.client_id);

    const created = await stylist.studio.apiKeys.create.mutate({
      name: "sync",
      mode: "test",
      capabilities: ["jobs:read"],
    });
    expect(created.api_key).toMatch(/^sk_test_/);
    const listed = await stylist.studio.apiKeys.list.query();
    expect(listed.find((k) => k.key_id === created.key_id)).not.toHaveProperty("api_key");

    // An API key is not a stylist: it cannot manage keys.
    const byKey = trpcWith(runtime, { authorization: `Bearer ${client.api_key}` });
    await expect(byKey.studio.apiKeys.list.query()).rejects.toBeInstanceOf(TRPCClientError);

    await stylist.studio.apiKeys.revoke.mutate({ key_id: created.key_id });
    const revoked = trpcWith(runtime, { authorization: `Bearer ${created.api_key}` });
    await expect(revoked.credits.balance.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });

    // Another client's key cannot be revoked through this session.
    const other = await createTestClient(runtime, 5, "Other");
    const otherKey = await runtime.db.apiKey.findFirstOrThrow({
      where: { clientId: other.client_id },
    });
    await expect(
      stylist.studio.apiKeys.revoke.mutate({ key_id: otherKey.id }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });

    // The test-mode switch: the same session acts on the client's test credits and test data.
    await grantCredits(runtime.db, { clientId: client.client_id, mode: "test", amount: 7 });
    const inTest = trpcWith(runtime, { cookie: `${cookie}; ${STUDIO_MODE_COOKIE}=test` });
    expect((await inTest.credits.balance.query()).balance).toBe(37);
    expect((await inTest.studio.ledger.query({})).entries.map((e) => e.amount)).toEqual([7, 30]);
    expect((await stylist.studio.ledger.query({})).entries.map((e) => e.amount)).toEqual([30]);
    const junk = trpcWith(runtime, { cookie: `${cookie}; ${STUDIO_MODE_COOKIE}=sandbox` });
    expect((await junk.credits.balance.query()).balance).toBe(30);
    // A Bearer key's own mode wins over the Studio's switch.
    const keyWithSwitch = trpcWith(runtime, {
      authorization: `Bearer ${client.api_key}`,
      cookie: `${STUDIO_MODE_COOKIE}=test`,
    });
    expect((await keyWithSwitch.credits.balance.query()).balance).toBe(30);

    const expired = trpcWith(runtime, { cookie: `${SESSION_COOKIE}=not-a-session` });
    await expect(expired.credits.balance.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
  });
});
