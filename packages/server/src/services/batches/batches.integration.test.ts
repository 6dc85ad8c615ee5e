import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  handedOffEvents,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { handleTrpcRequest } from "../../trpc/handler";
import type { AppRouter } from "../../trpc/root";
import { getBalance, ledgerSum } from "../credits/balance";
import { rowIdempotencyKey } from "./dispatch-batch";

const rows = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => ({
    ...validSpec({ seed: from + index }),
    sku: `SKU-${String(from + index).padStart(4, "0")}`,
    display_name: `Product ${from + index}`,
  }));

function trpcFor(runtime: TestRuntime, key: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://studio.test/api/trpc",
        headers: { authorization: `Bearer ${key}` },
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

describe.each(testDatabaseKinds())("batches on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("accepts a batch: one job per row, all rows debited in one request, each its own ledger debit and run", async () => {
    const client = await createTestClient(runtime, 50);
    const res = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { idempotency_key: "feed-a", items: rows(3) },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`/v1/batches/${res.body.batch_id}`);
    expect(res.body).toMatchObject({
      item_count: 3,
      credits_cost: 15,
      finished_at: null,
      counts: { NOT_STARTED: 3, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 0 },
    });
    expect(res.body.jobs.map((job: { row: number; sku: string }) => [job.row, job.sku])).toEqual([
      [0, "SKU-0000"],
      [1, "SKU-0001"],
      [2, "SKU-0002"],
    ]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(35);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(35);

    const jobs = await runtime.db.job.findMany({
      where: { batchId: res.body.batch_id },
      orderBy: { batchRow: "asc" },
    });
    expect(jobs.map((job) => job.status)).toEqual(["NOT_STARTED", "NOT_STARTED", "NOT_STARTED"]);
    expect(jobs[1]?.request).toMatchObject({ display_name: "Product 1", color: "navy" });
    expect(jobs[1]?.request).not.toHaveProperty("sku");
    const debits = await runtime.db.creditLedgerEntry.findMany({
      where: { jobId: { in: jobs.map((job) => job.id) } },
    });
    expect(debits.map((entry) => entry.amount)).toEqual([-5, -5, -5]);
    // One request-log row for the batch request, moving the whole price.
    const log = await runtime.db.requestLog.findUniqueOrThrow({
      where: { id: res.body.request_id },
    });
    expect(log).toMatchObject({ path: "/v1/batches", statusCode: 202, creditsMoved: -15 });
    // Each row's work was handed off in the same statement, under the row's request id.
    const events = await handedOffEvents(runtime);
    for (const job of jobs) expect(events.map((event) => event.id)).toContain(job.requestId);
    // Each row carries a key derived from the batch's key and the row.
    const keys = await runtime.db.idempotencyKey.findMany({
      where: { jobId: { in: jobs.map((job) => job.id) } },
      orderBy: { key: "asc" },
    });
    expect(keys.map((key) => key.key).sort()).toEqual(
      [0, 1, 2].map((row) => rowIdempotencyKey("feed-a", row)).sort(),
    );
  });

  it("answers the same batch key and rows with the original batch and charges nothing; other rows are 409", async () => {
    const client = await createTestClient(runtime, 50);
    const body = { idempotency_key: "feed-b", items: rows(2) };
    const first = await callApi(runtime, "POST", "/v1/batches", { key: client.api_key, body });
    const again = await callApi(runtime, "POST", "/v1/batches", { key: client.api_key, body });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.batch_id).toBe(first.body.batch_id);
    expect(again.body.jobs.map((job: { job_id: string }) => job.job_id)).toEqual(
      first.body.jobs.map((job: { job_id: string }) => job.job_id),
    );
    // The header names the batch too.
    const byHeader = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: body.items },
      headers: { "idempotency-key": "feed-b" },
    });
    expect(byHeader.body.batch_id).toBe(first.body.batch_id);
    const other = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { idempotency_key: "feed-b", items: rows(3) },
    });
    expect(other.status).toBe(409);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(40);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(2);
  });

  it("refuses a batch larger than the balance as a whole, with the shortfall, writing nothing", async () => {
    const client = await createTestClient(runtime, 12);
    const res = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { idempotency_key: "feed-c", items: rows(3) },
    });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe("INSUFFICIENT_BALANCE");
    expect(res.body.error.message).toContain("3 short");
    expect(res.headers.get("x-credits-shortfall")).toBe("3");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(12);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
    expect(await runtime.db.batch.count({ where: { clientId: client.client_id } })).toBe(0);
    // Once the balance covers it, the same key is free to use.
    const fits = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { idempotency_key: "feed-c", items: rows(2) },
    });
    expect(fits.status).toBe(202);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(2);
  });

  it("names every bad row and field at once and charges nothing", async () => {
    const client = await createTestClient(runtime, 50);
    const items = rows(4);
    items[1] = { ...items[1]!, color: "not-a-colour-at-all" };
    items[2] = { ...items[2]!, garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB4ZZ" };
    items[3] = { ...items[3]!, sku: "" };
    const res = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((item: { loc: unknown[] }) => item.loc.join("."))).toEqual([
      "body.items.1.color",
      "body.items.2.garment_category_public_id",
      "body.items.3.sku",
    ]);
    const empty = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: [] },
    });
    expect(empty.status).toBe(422);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
  });

  it("takes 1,000 rows (past the usual body cap) in one debit, and refuses 1,001", async () => {
    const client = await createTestClient(runtime, 5000);
    const res = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { idempotency_key: "feed-big", items: rows(1000) },
    });
    expect(res.status).toBe(202);
    expect(res.body.counts.NOT_STARTED).toBe(1000);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(0);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(0);
    expect(await runtime.db.job.count({ where: { batchId: res.body.batch_id } })).toBe(1000);
    const tooMany = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: rows(1001) },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.detail[0].loc).toEqual(["body", "items"]);
  }, 60_000);

  it("reads a batch with its jobs and counts; another client's batch is 404", async () => {
    const client = await createTestClient(runtime, 50);
    const stranger = await createTestClient(runtime, 50, "Other Shop");
    const created = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: rows(2) },
    });
    const [first] = created.body.jobs as { job_id: string }[];
    await runtime.db.job.update({
      where: { id: first!.job_id },
      data: { status: "FAILURE", failureReason: "technical_failure" },
    });
    const read = await callApi(runtime, "GET", `/v1/batches/${created.body.batch_id}`, {
      key: client.api_key,
    });
    expect(read.status).toBe(200);
    expect(read.body.counts).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 0, SUCCESS: 0, FAILURE: 1 });
    expect(read.body.jobs[0]).toMatchObject({
      status: "FAILURE",
      failure_reason: "technical_failure",
      image_url: null,
    });
    const hidden = await callApi(runtime, "GET", `/v1/batches/${created.body.batch_id}`, {
      key: stranger.api_key,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("RESOURCE_NOT_FOUND");
  });

  it("serves the same operations over tRPC, a 1,000-row batch included", async () => {
    const client = await createTestClient(runtime, 5000);
    const trpc = trpcFor(runtime, client.api_key);
    const created = await trpc.batches.create.mutate({ idempotency_key: "t", items: rows(1000) });
    expect(created).toMatchObject({ item_count: 1000, credits_cost: 5000, replayed: false });
    const read = await trpc.batches.get.query({ public_id: created.batch_id });
    expect(read.jobs).toHaveLength(1000);
    const replay = await trpc.batches.create.mutate({ idempotency_key: "t", items: rows(1000) });
    expect(replay).toMatchObject({ batch_id: created.batch_id, replayed: true });
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(0);
  }, 60_000);
});

describe.each(testDatabaseKinds())("batches and the queue cap on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { maxQueuedJobsPerClient: 3 });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("admits a batch as one submission: queued whole below the cap, refused (429) at it", async () => {
    const client = await createTestClient(runtime, 100);
    const big = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: rows(5) },
    });
    expect(big.status).toBe(202);
    expect(big.body.item_count).toBe(5);
    const next = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: rows(1, 10) },
    });
    expect(next.status).toBe(429);
    expect(next.headers.get("retry-after")).toBeTruthy();
    const single = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    expect(single.status).toBe(429);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(75);
  });
});
