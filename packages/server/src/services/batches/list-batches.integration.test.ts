import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { failJobAndRefund } from "../credits/fail-and-refund";

const items = (count: number, seed = 0) =>
  Array.from({ length: count }, (_, row) => ({
    ...validSpec({ seed: seed + row }),
    sku: `S-${row}`,
  }));

describe.each(testDatabaseKinds())("GET /v1/batches on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function createBatch(key: string, count: number, seed = 0): Promise<string> {
    const res = await callApi(runtime, "POST", "/v1/batches", {
      key,
      body: { items: items(count, seed) },
    });
    expect(res.status).toBe(202);
    return res.body.batch_id as string;
  }

  it("pages the caller's batches newest first by cursor, each with its counts and refunds", async () => {
    const client = await createTestClient(runtime, 100);
    const ids = [
      await createBatch(client.api_key, 2),
      await createBatch(client.api_key, 1, 10),
      await createBatch(client.api_key, 3, 20),
    ];
    // One row of the three-row batch fails: refunded once, counted as a failure.
    const failed = await runtime.db.job.findFirstOrThrow({ where: { batchId: ids[2] } });
    await failJobAndRefund(runtime.db, { jobId: failed.id, reason: "cancelled", message: "t" });
    // Newest first, ties on the millisecond broken by id (both descending), as the keyset reads.
    const stored = await runtime.db.batch.findMany({ where: { id: { in: ids } } });
    const newestFirst = stored
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((batch) => batch.id);

    const first = await callApi(runtime, "GET", "/v1/batches?limit=2", { key: client.api_key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ limit: 2, offset: 0, count: 2 });
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await callApi(
      runtime,
      "GET",
      `/v1/batches?limit=2&cursor=${first.body.next_cursor}`,
      {
        key: client.api_key,
      },
    );
    expect(second.body).toMatchObject({ count: 1, next_cursor: null });
    const listed = [...first.body.batches, ...second.body.batches] as {
      batch_id: string;
    }[];
    expect(listed.map((batch) => batch.batch_id)).toEqual(newestFirst);

    const byId = new Map(listed.map((batch) => [batch.batch_id, batch]));
    const created = stored.find((batch) => batch.id === ids[2])!;
    expect(byId.get(ids[2]!)).toEqual({
      batch_id: ids[2],
      request_id: created.requestId,
      created_at: created.createdAt.toISOString(),
      finished_at: null,
      item_count: 3,
      credits_cost: 15,
      credits_refunded: 5,
      counts: { NOT_STARTED: 2, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 1 },
    });
    expect(byId.get(ids[0]!)).toMatchObject({
      item_count: 2,
      credits_cost: 10,
      credits_refunded: 0,
      counts: { NOT_STARTED: 2, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 0 },
    });
    // The list's summary is the batch's own (GET /v1/batches/{id} without its jobs).
    const one = await callApi(runtime, "GET", `/v1/batches/${ids[2]}`, { key: client.api_key });
    const { jobs, ...summary } = one.body as Record<string, unknown>;
    expect(jobs).toHaveLength(3);
    expect(byId.get(ids[2]!)).toEqual(summary);
  });

  it("lists only the caller's client's batches in its key's mode", async () => {
    const owner = await createTestClient(runtime, 100, "Owner");
    const stranger = await createTestClient(runtime, 100, "Stranger");
    const live = await createBatch(owner.api_key, 1);
    const test = await createBatch(owner.test_api_key, 1);
    const ids = async (key: string) =>
      (
        (await callApi(runtime, "GET", "/v1/batches", { key })).body.batches as {
          batch_id: string;
        }[]
      ).map((batch) => batch.batch_id);
    expect(await ids(owner.api_key)).toEqual([live]);
    expect(await ids(owner.test_api_key)).toEqual([test]);
    expect(await ids(stranger.api_key)).toEqual([]);
  });

  it("refuses a page larger than the list serves, and a cursor it did not issue", async () => {
    const client = await createTestClient(runtime, 10);
    const res = await callApi(runtime, "GET", "/v1/batches?limit=101&cursor=nonsense", {
      key: client.api_key,
    });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual([
      "query.limit",
      "query.cursor",
    ]);
  });
});
