import { testDatabaseKinds } from "@garment/db";
import type { RenderEvaluation } from "@garment/imaging";
import { afterEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";
import { handleV1Request } from "../rest/router";

// Attack: take the image and get the credits back. A job cancelled after its render (or one
// whose renders all failed the evaluation) is refunded in full; its images must not be served.

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1" } as const;

const failing = {
  passed: false,
  score: 0.1,
  checks: [{ name: "color", passed: false, score: 0.1, detail: "forced" }],
} as unknown as RenderEvaluation;

describe.each(testDatabaseKinds())("refunded artifacts on %s", { timeout: 120_000 }, (kind) => {
  let runtime: WorkflowTestRuntime | undefined;
  // Opens the evaluation gate of a test that failed before it did, so the runner can stop.
  let release = () => {};
  afterEach(async () => {
    release();
    await runtime?.close();
    runtime = undefined;
  });

  const fetchImage = (url: string, key?: string) =>
    handleV1Request(
      runtime!,
      new Request(`http://studio.test${url}`, {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      }),
    );

  /** Every way a refunded job's render could still be fetched: a URL signed earlier, the key. */
  async function expectNothingServed(jobId: string, key: string) {
    const artifacts = await runtime!.db.artifact.findMany({ where: { jobId } });
    expect(artifacts.length).toBeGreaterThan(0);
    for (const artifact of artifacts) {
      const signed = await fetchImage(runtime!.signer.imageUrl(artifact.id));
      expect(signed.status).toBe(404);
      const withKey = await fetchImage(`/v1/artifacts/${artifact.id}/image`, key);
      expect(withKey.status).toBe(404);
    }
    const job = await callApi(runtime!, "GET", `/v1/jobs/${jobId}`, { key });
    expect(job.body.result).toEqual([]);
    expect(job.body.latest_event.artifacts).toEqual([]);
    const events = await callApi(runtime!, "GET", `/v1/jobs/${jobId}/events`, { key });
    for (const event of events.body.events) expect(event.artifacts).toEqual([]);
  }

  it("a job cancelled between render and completion: its render is not served", async () => {
    let entered!: () => void;
    const inEvaluation = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    runtime = await createWorkflowTestRuntime(kind, {
      // The render is stored; the job waits in its evaluation, the cancel arrives there.
      generation: {
        evaluate: async () => {
          entered();
          await gate;
          return { ...failing, passed: true, score: 0.9 };
        },
      },
    });
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, eval_enabled: true }),
    });
    expect(accepted.status).toBe(202);
    await inEvaluation;
    const [artifact] = await runtime.db.artifact.findMany({
      where: { jobId: accepted.body.job_id },
    });
    // A URL signed while the job ran (however it was obtained) outlives the refund on old code.
    const earlier = runtime.signer.imageUrl(artifact!.id);
    const cancelled = await callApi(runtime, "POST", `/v1/jobs/${accepted.body.job_id}/cancel`, {
      key: client.api_key,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.latest_event.extra.refunded_credits).toBeGreaterThan(0);
    release();
    await settle(runtime);
    expect((await fetchImage(earlier)).status).toBe(404);
    await expectNothingServed(accepted.body.job_id, client.api_key);
  });

  it("renders that failed the evaluation on a refunded job are not served", async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      generation: { evaluate: async () => failing },
    });
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, eval_enabled: true }),
    });
    await settle(runtime);
    const job = await callApi(runtime, "GET", `/v1/jobs/${accepted.body.job_id}`, {
      key: client.api_key,
    });
    expect(job.body.status).toBe("FAILURE");
    expect(job.body.latest_event.extra).toMatchObject({ reason: "evaluation_failed" });
    await expectNothingServed(accepted.body.job_id, client.api_key);
  });

  it("before SUCCESS no image is handed out; after it, every render of the paid job is", async () => {
    let entered!: () => void;
    const inEvaluation = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    runtime = await createWorkflowTestRuntime(kind, {
      generation: {
        // The first render fails its evaluation, the second passes after the gate.
        evaluate: async () => {
          calls += 1;
          if (calls === 1) return failing;
          entered();
          await gate;
          return { ...failing, passed: true, score: 0.9 };
        },
      },
    });
    const client = await createTestClient(runtime, 100);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, eval_enabled: true }),
    });
    const jobId = accepted.body.job_id as string;
    await inEvaluation;
    const running = await callApi(runtime, "GET", `/v1/jobs/${jobId}/events`, {
      key: client.api_key,
    });
    expect(running.body.events.filter((e: { stage: string }) => e.stage === "render")).toHaveLength(
      2,
    );
    for (const event of running.body.events) expect(event.artifacts).toEqual([]);
    const [first] = await runtime.db.artifact.findMany({ where: { jobId } });
    expect((await fetchImage(`/v1/artifacts/${first!.id}/image`, client.api_key)).status).toBe(404);
    release();
    await settle(runtime);
    const done = await callApi(runtime, "GET", `/v1/jobs/${jobId}/events`, {
      key: client.api_key,
    });
    const urls = done.body.events
      .filter((e: { stage: string }) => e.stage === "render")
      .map((e: { artifacts: { image_url: string }[] }) => e.artifacts[0]?.image_url);
    expect(urls).toHaveLength(2);
    for (const url of urls) expect((await fetchImage(url)).status).toBe(200);
  });
});
