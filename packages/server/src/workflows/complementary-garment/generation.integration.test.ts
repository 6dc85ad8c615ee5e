import { testDatabaseKinds } from "@garment/db";
import { afterEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { getBalance, ledgerSum } from "../../services/credits/balance";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5" } as const;

describe.each(testDatabaseKinds())("generation workflow on %s (embedded runner)", (kind) => {
  let runtime: WorkflowTestRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });

  async function run(spec: Record<string, unknown>) {
    if (!runtime) throw new Error("no runtime");
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, ...spec }),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    const job = await callApi(runtime, "GET", `/v1/jobs/${accepted.body.job_id}`, {
      key: client.api_key,
    });
    const events = await callApi(runtime, "GET", `/v1/jobs/${accepted.body.job_id}/events`, {
      key: client.api_key,
    });
    return {
      client,
      jobId: accepted.body.job_id as string,
      requestId: accepted.body.request_id as string,
      job: job.body,
      events: events.body.events as {
        event_type: string;
        stage: string | null;
        extra: Record<string, unknown>;
        artifacts: unknown[];
      }[],
    };
  }

  async function expectMoneyConsistent(clientId: string, expectedBalance: number) {
    expect(await getBalance(runtime!.db, clientId, "live")).toBe(expectedBalance);
    expect(await ledgerSum(runtime!.db, clientId, "live")).toBe(expectedBalance);
  }

  it("generates, evaluates and catalogs a complement with the built-in model", async () => {
    runtime = await createWorkflowTestRuntime(kind);
    const { client, job, events, jobId } = await run({
      fit: "loose",
      color: "camel",
      material: "wool",
    });
    expect(job.status).toBe("SUCCESS");
    expect(events.map((e) => e.stage ?? e.event_type)).toEqual([
      "queued",
      "started",
      "plan",
      "render",
      "eval",
      "done",
    ]);
    expect(events.at(-1)?.event_type).toBe("succeeded");
    const plan = events.find((e) => e.stage === "plan")!;
    expect((plan.extra.rationale as string[]).length).toBeGreaterThanOrEqual(5);
    expect(events.find((e) => e.stage === "eval")?.extra.passed).toBe(true);
    expect(job.result).toHaveLength(1);
    expect(job.result[0]).toMatchObject({
      kind: "catalog_image",
      role: "final",
      meta: { width: 410, height: 512 },
    });
    const image = await fetchImage(job.result[0].image_url as string);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const catalog = await runtime.db.catalogEntry.findUniqueOrThrow({ where: { jobId } });
    expect(catalog.productCategoryId).toBe("01KDVDNA00ZKRRMS30Q0DXB47N");
    await expectMoneyConsistent(client.client_id, 95);
  });

  it("retries a model that fails twice and then succeeds", async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      models: (b) => [new ScriptedModel("flaky", b, 2)],
    });
    const { client, job } = await run({ image_model: "flaky", eval_enabled: false });
    expect(job.status).toBe("SUCCESS");
    expect(runtime.models.get("flaky")!.calls).toBe(3);
    await expectMoneyConsistent(client.client_id, 95);
  });

  it.each([
    ["retry", 4, "FAILURE"],
    ["fail", 1, "FAILURE"],
    ["fallback", 4, "SUCCESS"],
  ] as const)(
    "a model that always fails under on_technical_failure=%s",
    async (policy, calls, status) => {
      runtime = await createWorkflowTestRuntime(kind, {
        models: (b) => [new ScriptedModel("broken", b, -1)],
      });
      const { client, job, events, requestId } = await run({
        image_model: "broken",
        on_technical_failure: policy,
        eval_enabled: false,
      });
      expect(job.status).toBe(status);
      expect(runtime.models.get("broken")!.calls).toBe(calls);
      if (status === "FAILURE") {
        expect(events.at(-1)).toMatchObject({
          event_type: "failed",
          extra: { reason: "technical_failure", refunded_credits: 5 },
        });
        expect(
          await runtime.db.creditLedgerEntry.count({ where: { requestId, kind: "refund" } }),
        ).toBe(1);
        await expectMoneyConsistent(client.client_id, 100);
      } else {
        expect(job.result[0].meta.model).toBe("builtin-flatlay");
        await expectMoneyConsistent(client.client_id, 95);
      }
    },
  );

  it("does not retry a refused request, and refunds", async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      models: (b) => [new ScriptedModel("strict", b, -1, false)],
    });
    const { client, job } = await run({ image_model: "strict", eval_enabled: false });
    expect(job.status).toBe("FAILURE");
    expect(runtime.models.get("strict")!.calls).toBe(1);
    await expectMoneyConsistent(client.client_id, 100);
  });

  it("re-renders with the next seed while the evaluation fails, then fails and refunds once", async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      generation: {
        evaluate: async () =>
          ({
            passed: false,
            score: 0.2,
            checks: [{ name: "color", passed: false, score: 0.2, detail: "forced" }],
          }) as never,
      },
    });
    const { client, job, events, requestId } = await run({});
    expect(job.status).toBe("FAILURE");
    const renders = events.filter((e) => e.stage === "render");
    expect(renders.map((r) => r.extra.seed)).toEqual([7, 8, 9]);
    expect(events.at(-1)).toMatchObject({
      event_type: "failed",
      extra: { reason: "evaluation_failed", refunded_credits: 5 },
    });
    expect(await runtime.db.creditLedgerEntry.count({ where: { requestId, kind: "refund" } })).toBe(
      1,
    );
    await expectMoneyConsistent(client.client_id, 100);
  });

  it("stops a running job that is cancelled mid-render and refunds it once", async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      models: (b) => [new ScriptedModel("slow", b, 0)],
    });
    const slow = runtime.models.get("slow")!;
    slow.hold();
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, image_model: "slow" }),
    });
    await slow.entered;
    const cancelled = await callApi(runtime, "POST", `/v1/jobs/${accepted.body.job_id}/cancel`, {
      key: client.api_key,
    });
    expect(cancelled.status).toBe(200);
    slow.release();
    await settle(runtime);
    const job = await runtime.db.job.findUniqueOrThrow({
      where: { id: accepted.body.job_id },
      include: { events: true },
    });
    expect(job.status).toBe("FAILURE");
    expect(job.failureReason).toBe("cancelled");
    expect(job.events.filter((e) => e.eventType === "succeeded")).toHaveLength(0);
    expect(job.events.filter((e) => e.eventType === "failed")).toHaveLength(1);
    await expectMoneyConsistent(client.client_id, 100);
  });

  async function fetchImage(url: string) {
    const { handleV1Request } = await import("../../rest/router");
    return handleV1Request(runtime!, new Request(`http://studio.test${url}`));
  }
});
