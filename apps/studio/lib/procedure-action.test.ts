import { createUser, SESSION_COOKIE, signIn, STUDIO_MODE_COOKIE } from "@garment/server";
import { appRouter, createContextInner } from "@garment/server/trpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../packages/server/test/harness";
import { procedureActions } from "./procedure-action";

// The server actions' path on an embedded database: the Studio's session cookie (and mode
// cookie) identify the caller, the procedure runs through the edge, the answer is tRPC's shape.
describe("a procedure run as a server action", () => {
  let runtime: TestRuntime;
  let cookie = "";
  let clientId = "";
  const actionsWith = (cookieHeader: () => string) =>
    procedureActions(
      () => Promise.resolve(runtime),
      () => Promise.resolve(createContextInner(runtime, new Headers({ cookie: cookieHeader() }))),
    );
  const signedIn = actionsWith(() => cookie);

  beforeAll(async () => {
    runtime = await createTestRuntime("pglite");
    const client = await createTestClient(runtime, 100, "Action Boutique");
    clientId = client.client_id;
    await createUser(runtime.db, {
      clientId,
      email: "stylist@example.com",
      password: "correct horse battery",
    });
    const session = await signIn(runtime.db, "stylist@example.com", "correct horse battery");
    cookie = `${SESSION_COOKIE}=${session!.token}`;
    // Migrating a fresh embedded database and hashing a password take seconds on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await runtime.close();
  });

  it(
    "dispatches for the signed-in stylist: charged once, logged once with its request id",
    {
      timeout: 30_000,
    },
    async () => {
      const dispatch = signedIn(appRouter.complementaryGarment.dispatch);
      const response = await dispatch(validSpec());
      if (!("result" in response)) throw new Error(`refused: ${JSON.stringify(response.error)}`);
      const accepted = response.result.data;
      expect(accepted).toMatchObject({ status: "NOT_STARTED", credits_cost: 5 });
      const log = await runtime.db.requestLog.findUniqueOrThrow({
        where: { id: accepted.request_id },
      });
      expect(log).toMatchObject({
        transport: "trpc",
        path: "trpc/complementaryGarment.dispatch",
        statusCode: 200,
        creditsMoved: -5,
        clientId,
      });
      const balance = await signedIn(appRouter.credits.balance)(undefined);
      expect("result" in balance && balance.result.data.balance).toBe(95);
    },
  );

  it("answers a bad input with the edge's 422, each field named, nothing charged", async () => {
    const dispatch = signedIn(appRouter.complementaryGarment.dispatch);
    const response = await dispatch({ ...validSpec(), pattern: "" });
    if (!("error" in response)) throw new Error("accepted a spec without a pattern");
    const data = response.error.data as {
      httpStatus: number;
      api: { code: string; request_id: string; detail: { loc: string[] }[] };
    };
    expect(data.httpStatus).toBe(422);
    expect(data.api.code).toBe("VALIDATION_ERROR");
    expect(data.api.detail.map((item) => item.loc)).toContainEqual(["body", "pattern"]);
    const log = await runtime.db.requestLog.findUniqueOrThrow({
      where: { id: data.api.request_id },
    });
    expect(log).toMatchObject({ statusCode: 422, creditsMoved: 0, errorCode: "VALIDATION_ERROR" });
  });

  it("refuses a request without a session, and acts in test mode when the switch says so", async () => {
    const anonymous = actionsWith(() => "")(appRouter.studio.apiKeys.list);
    const refused = await anonymous(undefined);
    expect("error" in refused && (refused.error.data as { code: string }).code).toBe(
      "UNAUTHORIZED",
    );

    const testMode = actionsWith(() => `${cookie}; ${STUDIO_MODE_COOKIE}=test`);
    const created = await testMode(appRouter.studio.apiKeys.create)({
      name: "from a test-mode action",
      mode: "test",
      capabilities: ["jobs:read"],
    });
    expect("result" in created && created.result.data.api_key).toMatch(/^sk_test_/);
    const dispatched = await testMode(appRouter.complementaryGarment.dispatch)(validSpec());
    if (!("result" in dispatched)) throw new Error("test-mode dispatch refused");
    const log = await runtime.db.requestLog.findUniqueOrThrow({
      where: { id: dispatched.result.data.request_id },
    });
    expect(log.mode).toBe("test");
  });
});
