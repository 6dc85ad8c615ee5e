import canonicalize from "canonicalize";
import { Inngest } from "inngest";
import { serve } from "inngest/edge";
import { afterEach, describe, expect, it } from "vitest";
import { scaledBackoff } from "./backoff";
import type { EmbeddedRunner } from "./runner";
import { InMemoryRunStore } from "./stores/in-memory-run-store";
import { createExecutorDriver, signInngestPayload } from "./testing/executor-driver";
import { silentRunnerLogger } from "./testing/test-kit";

const SIGNING_KEY = "signkey-test-00112233445566778899aabbccddeeff";
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const client = new Inngest({
  id: "driven-app",
  isDev: false,
  signingKey: SIGNING_KEY,
  eventKey: "k",
  checkpointing: false,
  logger: quiet,
});
const runners: EmbeddedRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

function driven(steps: string[]) {
  const fn = client.createFunction(
    { id: "two-steps", triggers: [{ event: "driver/go" }], retries: 1 },
    async ({ step }) => {
      await step.run("one", () => steps.push("one"));
      await step.run("two", () => steps.push("two"));
      return "done";
    },
  );
  const handler = serve({ client, functions: [fn] });
  const requests: { url: URL; headers: Headers; text: string }[] = [];
  const endpoint = async (request: Request) => {
    const text = await request.clone().text();
    requests.push({ url: new URL(request.url), headers: request.headers, text });
    return handler(request);
  };
  return { fn, endpoint, requests };
}

describe("the executor driver", () => {
  it("sends signed calls shaped as Inngest's executor sends them, and the run completes", async () => {
    const steps: string[] = [];
    const { fn, endpoint, requests } = driven(steps);
    const store = new InMemoryRunStore();
    const { runner } = createExecutorDriver({
      client,
      functions: [fn],
      endpoint,
      url: "https://app.test/api/inngest",
      signingKey: SIGNING_KEY,
      store,
      pollIntervalMs: 10,
      logger: silentRunnerLogger,
    });
    runners.push(runner);
    await runner.start();

    const { runIds } = await runner.send({ id: "evt-1", name: "driver/go", data: { n: 1 } });
    await runner.waitForIdle();

    expect(await store.get(runIds[0] ?? "")).toMatchObject({ status: "completed", output: "done" });
    expect(steps).toEqual(["one", "two"]);
    const first = requests[0];
    expect(first?.url.searchParams.get("fnId")).toBe("driven-app-two-steps");
    expect(first?.url.searchParams.get("stepId")).toBe("step");
    const body = JSON.parse(first?.text ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({
      event: { id: "evt-1", name: "driver/go", data: { n: 1 } },
      events: [{ id: "evt-1" }],
      steps: {},
      ctx: {
        run_id: runIds[0],
        fn_id: "driven-app-two-steps",
        attempt: 0,
        max_attempts: 2,
        use_api: false,
        stack: { stack: [], current: 0 },
      },
    });
    // The signature covers the canonical body with the timestamp it carries.
    const signature = new URLSearchParams(first?.headers.get("x-inngest-signature") ?? "");
    expect(
      signInngestPayload(canonicalize(body) ?? "", SIGNING_KEY, Number(signature.get("t"))),
    ).toBe(`t=${signature.get("t")}&s=${signature.get("s")}`);
    // Later calls carry what ran before.
    expect(JSON.parse(requests.at(-1)?.text ?? "{}")).toMatchObject({
      ctx: { stack: { stack: [expect.any(String), expect.any(String)], current: 1 } },
    });
  });

  it("is refused by the SDK with the wrong signing key, so no step ever runs", async () => {
    const steps: string[] = [];
    const { fn, endpoint } = driven(steps);
    const store = new InMemoryRunStore();
    const { runner } = createExecutorDriver({
      client,
      functions: [fn],
      endpoint,
      signingKey: "signkey-test-ffffffffffffffffffffffffffffffff",
      store,
      pollIntervalMs: 10,
      backoff: scaledBackoff(1 / 1_000),
      logger: silentRunnerLogger,
    });
    runners.push(runner);
    await runner.start();

    const { runIds } = await runner.send({ id: "evt-2", name: "driver/go", data: {} });
    await runner.waitForIdle();

    expect(steps).toEqual([]);
    const run = await store.get(runIds[0] ?? "");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("HTTP 401");
  });
});
