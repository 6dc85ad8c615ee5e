import { testDatabaseKinds } from "@garment/db";
import { MAX_OFFSET } from "@garment/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, createTestRuntime, type TestRuntime } from "../../test/harness";
import { seedJobs, seedRequestLogs } from "../../test/seed-lists";

// Attack: make the database do unbounded work per request. `offset=10000000` made PostgreSQL
// read and discard ten million rows on every call, for the price of one rate-limit token.
// Lists page by keyset instead, and `offset` is capped.

const LISTS = [
  "/v1/jobs",
  "/v1/usage",
  "/v1/catalog/complementary-garments",
  "/v1/webhooks/endpoints/{endpoint}/deliveries",
] as const;

const HOUR_AGO = new Date(Date.now() - 3_600_000);

describe.each(testDatabaseKinds())("list paging on %s", (kind) => {
  let runtime: TestRuntime;
  let key: string;
  let endpoint: string;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind, {
      webhooks: { allowPrivateUrls: true, maxAttempts: 1 },
    });
    const client = await createTestClient(runtime, 100);
    key = client.api_key;
    // 95 jobs and 95 request-log rows, three to each millisecond: ties the cursor must break.
    await seedJobs(runtime.db, {
      clientId: client.client_id,
      rows: 95,
      prefix: "JOB",
      newest: HOUR_AGO,
      tiesEvery: 3,
    });
    await seedRequestLogs(runtime.db, {
      clientId: client.client_id,
      rows: 95,
      prefix: "LOG",
      newest: HOUR_AGO,
      tiesEvery: 3,
    });
    const created = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
      key,
      body: { url: "http://127.0.0.1:9/garments" },
    });
    expect(created.status).toBe(201);
    endpoint = created.body.public_id;
  }, 300_000);
  afterAll(async () => {
    await runtime.close();
  });

  const path = (list: (typeof LISTS)[number]) => list.replace("{endpoint}", endpoint);

  it.each(LISTS)("%s refuses an offset past the cap with a 422 that names it", async (list) => {
    const deep = await callApi(runtime, "GET", `${path(list)}?offset=${10_000_000}`, { key });
    expect(deep.status).toBe(422);
    expect(deep.body.detail[0].loc).toEqual(["query", "offset"]);
    expect(deep.body.detail[0].msg).toContain("cursor");
    const atCap = await callApi(runtime, "GET", `${path(list)}?offset=${MAX_OFFSET}`, { key });
    expect(atCap.status).toBe(200);
  });

  it.each(LISTS)("%s refuses a cursor it did not issue", async (list) => {
    for (const cursor of ["not-a-cursor", btoa("1.x.y"), "%00"]) {
      const bad = await callApi(runtime, "GET", `${path(list)}?cursor=${cursor}`, { key });
      expect(bad.status).toBe(422);
      expect(bad.body.detail[0].loc).toEqual(["query", "cursor"]);
    }
  });

  async function walk(list: string, field: string, prefix: string) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const query: string = `limit=10${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await callApi(runtime, "GET", `${list}?${query}`, { key });
      expect(page.status).toBe(200);
      const rows = page.body[field] as Record<string, string>[];
      expect(rows.length).toBeLessThanOrEqual(10);
      seen.push(
        ...rows.map((r) => r.public_id ?? r.request_id!).filter((id) => id.startsWith(prefix)),
      );
      cursor = page.body.next_cursor;
      if (!cursor) break;
      // A row written while the client pages (a newer request-log row) shifts no later page.
      await callApi(runtime, "GET", "/v1/credits", { key });
    }
    return seen;
  }

  it("GET /v1/jobs walks every job once, newest first, across tied timestamps", async () => {
    const seen = await walk("/v1/jobs", "jobs", "JOB");
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("GET /v1/usage walks every row once while new rows arrive on top", async () => {
    const seen = await walk("/v1/usage", "usage", "LOG");
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("the last page says so: next_cursor is null", async () => {
    const all = await callApi(runtime, "GET", "/v1/jobs?limit=200", { key });
    expect(all.body.jobs).toHaveLength(95);
    expect(all.body.next_cursor).toBeNull();
  });
});
