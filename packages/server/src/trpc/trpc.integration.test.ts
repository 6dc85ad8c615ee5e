import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { getBalance } from "../services/credits/balance";
import { handleTrpcRequest } from "./handler";
import type { AppRouter } from "./root";

function clientFor(runtime: TestRuntime, key: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://studio.test/api/trpc",
        headers: { authorization: `Bearer ${key}` },
        // The typed client talks to the same fetch handler the Next.js route mounts.
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe.each(testDatabaseKinds())("tRPC on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("dispatches through the same service as REST and reads balance and operations", async () => {
    const client = await createTestClient(runtime, 20);
    const trpc = clientFor(runtime, client.api_key);
    const accepted = await trpc.complementaryGarment.dispatch.mutate(validSpec({ fit: "loose" }));
    expect(accepted).toMatchObject({ status: "NOT_STARTED", credits_cost: 5, replayed: false });
    expect(await trpc.credits.balance.query()).toEqual({ balance: 15, currency: "credits" });
    expect((await trpc.operations.list.query()).operations).toEqual([
      {
        name: "complementary-garment-generator",
        op_class: "generator",
        credits_cost: 5,
        enabled: true,
      },
    ]);
    const log = await runtime.db.requestLog.findUniqueOrThrow({
      where: { id: accepted.request_id },
    });
    expect(log).toMatchObject({ transport: "trpc", statusCode: 200, creditsMoved: -5 });
  });

  it("reports validation problems with the REST detail items and charges nothing", async () => {
    const client = await createTestClient(runtime, 20);
    const trpc = clientFor(runtime, client.api_key);
    const error = await trpc.complementaryGarment.dispatch
      .mutate(
        validSpec({
          color: "not-a-colour-at-all",
          garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB4ZZ",
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data as {
      api: { code: string; detail: { loc: string[] }[] };
    };
    expect(data.api.code).toBe("VALIDATION_ERROR");
    expect(data.api.detail.map((d) => d.loc.join("."))).toEqual([
      "body.garment_category_public_id",
      "body.color",
    ]);
    const schemaError = await trpc.complementaryGarment.dispatch
      .mutate({ ...validSpec(), resolution: "8K" } as never)
      .catch((e: unknown) => e);
    expect(
      ((schemaError as TRPCClientError<AppRouter>).data as { api: { detail: { type: string }[] } })
        .api.detail[0]?.type,
    ).toBe("literal_error");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(20);
  });

  it("rejects calls without a key as UNAUTHORIZED", async () => {
    const trpc = clientFor(runtime, "sk_live_wrong");
    const error = await trpc.credits.balance.query().catch((e: unknown) => e);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe("UNAUTHORIZED");
  });
});
