import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createSecondInstance,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { SESSION_COOKIE } from "../../auth/session";
import type { AppRuntime } from "../../runtime/app-runtime";
import { handleTrpcRequest } from "../../trpc/handler";
import type { AppRouter } from "../../trpc/root";
import { createUser } from "../users/create-user";
import { signIn } from "../users/sessions";

const OPERATION = "complementary-garment-generator";

/** Polls until a dispatch on this runtime answers `status`, returning how long it took (ms). */
async function msUntilDispatchAnswers(
  runtime: AppRuntime,
  key: string,
  status: number,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 3_000) {
    const answer = await callApi(runtime, "POST", `/v1/${OPERATION}`, { key, body: validSpec() });
    if (answer.status === status) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`a dispatch did not answer ${status} within 3 s`);
}

/** A tRPC client signed in to the Studio as this user (the session cookie, as the browser sends). */
function studioAs(runtime: TestRuntime, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://studio.test/api/trpc",
        headers: { cookie: `${SESSION_COOKIE}=${token}` },
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe.each(testDatabaseKinds())("the operator's switch per operation on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function signedIn(clientId: string, email: string, operator: boolean) {
    await createUser(runtime.db, { clientId, email, password: "correct horse battery" });
    if (operator) await runtime.db.user.update({ where: { email }, data: { isOperator: true } });
    const session = await signIn(runtime.db, email, "correct horse battery");
    return { trpc: studioAs(runtime, session!.token), user: session!.user };
  }

  const dispatch = (key: string) =>
    callApi(runtime, "POST", `/v1/${OPERATION}`, { key, body: validSpec() });

  it("lets an operator disable and re-enable an operation; a stylist is refused", async () => {
    const client = await createTestClient(runtime, 100, "Switch Boutique");
    const stylist = await signedIn(client.client_id, "stylist@example.com", false);
    const operator = await signedIn(client.client_id, "operator@example.com", true);

    const refused = await stylist.trpc.studio.operator.setOperationEnabled
      .mutate({ name: OPERATION, enabled: false })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.api?.code).toBe("FORBIDDEN");
    expect((await runtime.db.operation.findUnique({ where: { name: OPERATION } }))?.enabled).toBe(
      true,
    );
    expect((await dispatch(client.api_key)).status).toBe(202);

    expect(
      await operator.trpc.studio.operator.setOperationEnabled.mutate({
        name: OPERATION,
        enabled: false,
      }),
    ).toEqual({ name: OPERATION, enabled: false });
    // At once on this instance (the reference cache is dropped), and charged nothing.
    const before = await runtime.db.creditAccount.findFirst({
      where: { clientId: client.client_id, mode: "live" },
    });
    const disabled = await dispatch(client.api_key);
    expect(disabled.status).toBe(403);
    expect(disabled.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(JSON.stringify(disabled.body)).toContain("disabled");
    const after = await runtime.db.creditAccount.findFirst({
      where: { clientId: client.client_id, mode: "live" },
    });
    expect(after?.balance).toBe(before?.balance);
    const view = await operator.trpc.studio.operator.overview.query();
    expect(view.operations.find((op) => op.name === OPERATION)?.enabled).toBe(false);

    await operator.trpc.studio.operator.setOperationEnabled.mutate({
      name: OPERATION,
      enabled: true,
    });
    expect((await dispatch(client.api_key)).status).toBe(202);

    const unknown = await operator.trpc.studio.operator.setOperationEnabled
      .mutate({ name: "no-such-operation", enabled: false })
      .catch((error: unknown) => error);
    expect((unknown as TRPCClientError<AppRouter>).data?.api?.code).toBe("RESOURCE_NOT_FOUND");
  });

  it("lists every client's balances, live and test", async () => {
    const client = await createTestClient(runtime, 40, "Balance Atelier");
    await runtime.db.creditAccount.upsert({
      where: { clientId_mode: { clientId: client.client_id, mode: "test" } },
      create: { clientId: client.client_id, mode: "test", balance: 7 },
      update: { balance: 7 },
    });
    const empty = await runtime.db.client.create({ data: { id: "cl_empty", name: "Empty Shop" } });
    const operator = await signedIn(client.client_id, "balances-operator@example.com", true);
    const stylist = await signedIn(client.client_id, "balances-stylist@example.com", false);
    const refused = await stylist.trpc.studio.operator.overview
      .query()
      .catch((error: unknown) => error);
    expect((refused as TRPCClientError<AppRouter>).data?.api?.code).toBe("FORBIDDEN");
    const view = await operator.trpc.studio.operator.overview.query();
    expect(view.balances).toContainEqual({
      clientId: client.client_id,
      name: "Balance Atelier",
      live: 40,
      test: 7,
    });
    expect(view.balances).toContainEqual({
      clientId: empty.id,
      name: "Empty Shop",
      live: 0,
      test: 0,
    });
  });

  it("hears a switch made outside this instance (plain SQL) as soon as it commits", async () => {
    const client = await createTestClient(runtime, 100, "Elsewhere Boutique");
    expect((await dispatch(client.api_key)).status).toBe(202);
    await runtime.db.$executeRaw`UPDATE operations SET enabled = false WHERE name = ${OPERATION}`;
    try {
      // Well inside the reference cache's 10 s lifetime: the announcement dropped it.
      expect(await msUntilDispatchAnswers(runtime, client.api_key, 403)).toBeLessThan(1_000);
    } finally {
      await runtime.db.$executeRaw`UPDATE operations SET enabled = true WHERE name = ${OPERATION}`;
    }
    expect(await msUntilDispatchAnswers(runtime, client.api_key, 202)).toBeLessThan(1_000);
  });

  it.runIf(kind === "postgres")(
    "reaches another instance of the same database within a second",
    async () => {
      const other = await createSecondInstance(runtime);
      try {
        const client = await createTestClient(runtime, 100, "Two Instance Atelier");
        const operator = await signedIn(client.client_id, "operator2@example.com", true);
        expect(await msUntilDispatchAnswers(other, client.api_key, 202)).toBeLessThan(1_000);
        await operator.trpc.studio.operator.setOperationEnabled.mutate({
          name: OPERATION,
          enabled: false,
        });
        try {
          expect(await msUntilDispatchAnswers(other, client.api_key, 403)).toBeLessThan(1_000);
        } finally {
          await operator.trpc.studio.operator.setOperationEnabled.mutate({
            name: OPERATION,
            enabled: true,
          });
        }
        expect(await msUntilDispatchAnswers(other, client.api_key, 202)).toBeLessThan(1_000);
      } finally {
        await other.close();
      }
    },
  );
});
