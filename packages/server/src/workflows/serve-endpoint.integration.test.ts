import { createImageModelRegistry } from "@garment/imaging";
import { createHash, createHmac } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  handedOffEvents,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { stableStringify } from "../services/stable-json";
import { GENERATION_FUNCTION_ID } from "./complementary-garment/function";
import { serveInngest } from "./serve-endpoint";
import { createWorkflowSystem, INNGEST_APP_ID, type WorkflowSystem } from "./workflow-system";

const SIGNING_KEY = "signkey-test-0123456789abcdef0123456789abcdef";

/** Signs a body as Inngest's executor does: HMAC-SHA256 over canonical JSON + timestamp. */
function sign(body: unknown, at = Math.floor(Date.now() / 1000)) {
  const key = SIGNING_KEY.replace(/^signkey-\w+-/, "");
  const payload = typeof body === "string" ? body : stableStringify(body);
  return `t=${at}&s=${createHmac("sha256", key).update(payload).update(String(at)).digest("hex")}`;
}

describe("the /api/inngest serve endpoint, as Inngest's executor calls it", () => {
  let runtime: TestRuntime;
  let system: WorkflowSystem;
  beforeAll(async () => {
    runtime = await createTestRuntime("pglite");
    system = createWorkflowSystem({
      db: runtime.db,
      storage: runtime.storage,
      imageModels: createImageModelRegistry(),
      logger: pino({ level: "silent" }),
      inngest: { signingKey: SIGNING_KEY, eventKey: "test-event-key" },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  const url = (query = "") => `http://studio.test/api/inngest${query}`;

  it("answers introspection with the registered function", async () => {
    const unsigned = await serveInngest(
      system,
      new Request(url(), { headers: { host: "studio.test" } }),
    );
    expect(unsigned.status).toBe(401);
    const res = await serveInngest(
      system,
      new Request(url(), { headers: { host: "studio.test", "x-inngest-signature": sign("") } }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      function_count: 3,
      mode: "cloud",
      has_signing_key: true,
      authentication_succeeded: true,
    });
  });

  it("executes the first step of a real job for a signed call, and refuses an unsigned one", async () => {
    const client = await createTestClient(runtime, 20);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    const event = (await handedOffEvents(runtime)).at(-1)!;
    const body = {
      event: { name: event.name, data: event.data, id: event.id, ts: Date.now() },
      events: [{ name: event.name, data: event.data, id: event.id, ts: Date.now() }],
      steps: {},
      ctx: {
        run_id: "01KDVDRUN0000000000000000A",
        attempt: 0,
        max_attempts: 4,
        disable_immediate_execution: false,
        use_api: false,
        stack: { stack: [], current: 0 },
      },
      version: 2,
    };
    const call = (headers: Record<string, string>) =>
      serveInngest(
        system,
        new Request(url(`?fnId=${INNGEST_APP_ID}-${GENERATION_FUNCTION_ID}&stepId=step`), {
          method: "POST",
          // The SDK resolves its own URL from the Host header, as a real request carries it.
          headers: { host: "studio.test", "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        }),
      );

    const unsigned = await call({});
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(
      (await runtime.db.job.findUniqueOrThrow({ where: { id: accepted.body.job_id } })).status,
    ).toBe("NOT_STARTED");

    const signed = await call({ "x-inngest-signature": sign(body) });
    expect(signed.status).toBe(206);
    const ops = (await signed.json()) as { op: string; id: string; data: unknown }[];
    expect(ops[0]).toMatchObject({
      op: "StepRun",
      id: createHash("sha1").update("start").digest("hex"),
      data: { active: true },
    });
    expect(
      (await runtime.db.job.findUniqueOrThrow({ where: { id: accepted.body.job_id } })).status,
    ).toBe("IN_PROGRESS");
  });

  it("is closed when workflows run in the embedded runner", async () => {
    const res = await serveInngest(null, new Request(url()));
    expect(res.status).toBe(404);
  });
});
