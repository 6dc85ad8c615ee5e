import { testDatabaseKinds } from "@garment/db";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { getBalance, ledgerSum } from "../credits/balance";

describe.each(testDatabaseKinds())("job reads on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function dispatch(key: string, overrides = {}) {
    const res = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key,
      body: validSpec(overrides),
    });
    expect(res.status).toBe(202);
    return res.body as { job_id: string; request_id: string };
  }

  it("reads a job, its events after a cursor, and lists jobs newest first with filters", async () => {
    const client = await createTestClient(runtime, 100);
    const first = await dispatch(client.api_key);
    const second = await dispatch(client.api_key, { color: "camel" });

    const detail = await callApi(runtime, "GET", `/v1/jobs/${first.job_id}`, {
      key: client.api_key,
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      public_id: first.job_id,
      job_type: "COMPLEMENTARY_GARMENT_GENERATOR",
      status: "NOT_STARTED",
      result: [],
      latest_event: { event_type: "queued", visibility: "public" },
    });
    expect(detail.body.request).toMatchObject({
      color: "navy",
      resolution: "1K",
      aspect_ratio: "1:1",
      eval_enabled: true,
    });

    const events = await callApi(runtime, "GET", `/v1/jobs/${first.job_id}/events`, {
      key: client.api_key,
    });
    expect(events.body.events).toHaveLength(1);
    const after = await callApi(
      runtime,
      "GET",
      `/v1/jobs/${first.job_id}/events?since=${events.body.latest_seq}`,
      { key: client.api_key },
    );
    expect(after.body).toEqual({
      public_id: first.job_id,
      events: [],
      latest_seq: events.body.latest_seq,
    });

    const list = await callApi(runtime, "GET", "/v1/jobs?limit=1", { key: client.api_key });
    // `count` is the rows on this page (a total would cost a scan); `next_cursor` says more.
    expect(list.body).toMatchObject({ limit: 1, offset: 0, count: 1 });
    expect(list.body.next_cursor).toEqual(expect.any(String));
    expect(list.body.jobs[0].public_id).toBe(second.job_id);
    const byCursor = await callApi(
      runtime,
      "GET",
      `/v1/jobs?limit=1&cursor=${list.body.next_cursor}`,
      {
        key: client.api_key,
      },
    );
    expect(byCursor.body.jobs[0].public_id).toBe(first.job_id);
    expect(byCursor.body.next_cursor).toBeNull();
    const page2 = await callApi(runtime, "GET", "/v1/jobs?limit=1&offset=1", {
      key: client.api_key,
    });
    expect(page2.body.jobs[0].public_id).toBe(first.job_id);
    const none = await callApi(runtime, "GET", "/v1/jobs?status=SUCCESS", { key: client.api_key });
    expect(none.body.count).toBe(0);
    const bad = await callApi(runtime, "GET", "/v1/jobs?limit=500&status=DONE", {
      key: client.api_key,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual([
      "query.status",
      "query.limit",
    ]);
  });

  it("never shows another client's job, nor a live job to a test key", async () => {
    const owner = await createTestClient(runtime, 20, "Owner");
    const stranger = await createTestClient(runtime, 20, "Stranger");
    const job = await dispatch(owner.api_key);
    for (const key of [stranger.api_key, owner.test_api_key]) {
      const res = await callApi(runtime, "GET", `/v1/jobs/${job.job_id}`, { key });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("JOB_NOT_FOUND");
      expect((await callApi(runtime, "GET", `/v1/jobs/${job.job_id}/events`, { key })).status).toBe(
        404,
      );
      expect(
        (await callApi(runtime, "POST", `/v1/jobs/${job.job_id}/cancel`, { key })).status,
      ).toBe(404);
    }
    expect((await callApi(runtime, "GET", "/v1/jobs", { key: stranger.api_key })).body.count).toBe(
      0,
    );
  });

  it("cancels a pending job once, refunding exactly once; a terminal job answers 409", async () => {
    const client = await createTestClient(runtime, 20);
    const job = await dispatch(client.api_key);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(15);
    const [a, b] = await Promise.all([
      callApi(runtime, "POST", `/v1/jobs/${job.job_id}/cancel`, { key: client.api_key }),
      callApi(runtime, "POST", `/v1/jobs/${job.job_id}/cancel`, { key: client.api_key }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const cancelled = a.status === 200 ? a : b;
    expect(cancelled.body).toMatchObject({
      status: "FAILURE",
      latest_event: { event_type: "failed", extra: { reason: "cancelled", refunded_credits: 5 } },
    });
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(20);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(20);
    expect(
      await runtime.db.creditLedgerEntry.count({
        where: { requestId: job.request_id, kind: "refund" },
      }),
    ).toBe(1);
  });

  it("fails and refunds a job running past its deadline, counted from the start of work, once", async () => {
    const client = await createTestClient(runtime, 20);
    const running = await dispatch(client.api_key);
    const waiting = await dispatch(client.api_key);
    const longAgo = new Date(Date.now() - 31 * 60_000);
    await runtime.db.job.update({
      where: { id: running.job_id },
      data: { status: "IN_PROGRESS", createdAt: longAgo, startedAt: longAgo },
    });
    // Queued as long, but never started: a backlog is not a stuck run.
    await runtime.db.job.update({ where: { id: waiting.job_id }, data: { createdAt: longAgo } });
    const { failStuckJobs } = await import("./fail-stuck-jobs");
    expect(await failStuckJobs(runtime.db)).toBeGreaterThanOrEqual(1);
    expect(await failStuckJobs(runtime.db)).toBe(0);
    const stored = await runtime.db.job.findUniqueOrThrow({ where: { id: running.job_id } });
    expect(stored).toMatchObject({ status: "FAILURE", failureReason: "timed_out" });
    const queued = await runtime.db.job.findUniqueOrThrow({ where: { id: waiting.job_id } });
    expect(queued.status).toBe("NOT_STARTED");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(15);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(15);
  });

  it("re-sends a waiting job's start event, and gives up on it only past the queue deadline", async () => {
    const client = await createTestClient(runtime, 20);
    const job = await dispatch(client.api_key);
    await runtime.db.job.update({
      where: { id: job.job_id },
      data: { createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    await runtime.db.workflowOutbox.update({
      where: { id: job.request_id },
      data: { sentAt: new Date(Date.now() - 10 * 60_000) },
    });
    const { failStuckJobs, resendWaitingJobs } = await import("./fail-stuck-jobs");
    expect(
      await resendWaitingJobs(runtime.db, (event) => runtime.handOff.send(event)),
    ).toBeGreaterThanOrEqual(1);
    const outbox = await runtime.db.workflowOutbox.findUniqueOrThrow({
      where: { id: job.request_id },
    });
    expect(outbox.sentAt).toBeNull();
    await runtime.db.job.update({
      where: { id: job.job_id },
      data: { createdAt: new Date(Date.now() - 7 * 60 * 60_000) },
    });
    expect(await failStuckJobs(runtime.db)).toBeGreaterThanOrEqual(1);
    const stored = await runtime.db.job.findUniqueOrThrow({ where: { id: job.job_id } });
    expect(stored).toMatchObject({ status: "FAILURE", failureReason: "not_started" });
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(20);
  });

  it("serves an artifact image through a signed URL, and to its owner's key only", async () => {
    const client = await createTestClient(runtime, 20);
    const stranger = await createTestClient(runtime, 20, "Stranger");
    const job = await dispatch(client.api_key);
    // Only a succeeded (paid) job's images are served (see the artifacts adversarial tests).
    await runtime.db.job.update({ where: { id: job.job_id }, data: { status: "SUCCESS" } });
    const artifactId = ulid();
    await runtime.storage.put(
      `jobs/${job.job_id}/${artifactId}.png`,
      new Uint8Array([137, 80, 78, 71]),
      "image/png",
    );
    await runtime.db.artifact.create({
      data: {
        id: artifactId,
        jobId: job.job_id,
        kind: "catalog_image",
        role: "final",
        storageKey: `jobs/${job.job_id}/${artifactId}.png`,
        contentType: "image/png",
        width: 1,
        height: 1,
      },
    });
    const url = runtime.signer.imageUrl(artifactId);
    const { handleV1Request } = await import("../../rest/router");
    const raw = await handleV1Request(runtime, new Request(`http://studio.test${url}`));
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    const tampered = await callApi(runtime, "GET", url.replace(/signature=./, "signature=x"));
    expect(tampered.status).toBe(401);
    const bare = `/v1/artifacts/${artifactId}/image`;
    expect(
      (
        await handleV1Request(
          runtime,
          new Request(`http://studio.test${bare}`, {
            headers: { authorization: `Bearer ${client.api_key}` },
          }),
        )
      ).status,
    ).toBe(200);
    expect((await callApi(runtime, "GET", bare, { key: stranger.api_key })).status).toBe(404);
  });
});
