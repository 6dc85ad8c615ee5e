import { openTestDatabase, testDatabaseKinds, type DatabaseHandle } from "@garment/db";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestLogWriter, type RequestLogEntry } from "./request-log";

const entry = (overrides: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  requestId: ulid(),
  clientId: null,
  apiKeyId: null,
  mode: "live",
  transport: "rest",
  method: "GET",
  path: "/v1/credits",
  statusCode: 200,
  latencyMs: 3,
  creditsMoved: 0,
  errorCode: null,
  ...overrides,
});

describe.each(testDatabaseKinds())("request log writer on %s", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  const rows = (ids: string[]) =>
    database.db.requestLog.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

  it("writes the rows of concurrent requests together, every field as given", async () => {
    const writer = new RequestLogWriter(database.query);
    const entries = Array.from({ length: 60 }, (_, i) =>
      entry({ statusCode: 200 + i, mode: i % 2 ? "test" : null, errorCode: i % 3 ? null : "X" }),
    );
    await Promise.all(entries.map((e) => writer.write(e)));
    expect(writer.statements).toBeLessThan(entries.length);
    const written = await rows(entries.map((e) => e.requestId));
    expect(written).toHaveLength(60);
    const byId = new Map(written.map((row) => [row.id, row]));
    for (const e of entries) {
      expect(byId.get(e.requestId)).toMatchObject({
        statusCode: e.statusCode,
        mode: e.mode,
        errorCode: e.errorCode,
        path: "/v1/credits",
        transport: "rest",
        latencyMs: 3,
      });
    }
  });

  it("completes a row written before (a dispatch's) with the request's outcome", async () => {
    const writer = new RequestLogWriter(database.query);
    const first = entry({ method: "POST", statusCode: 202, creditsMoved: -5 });
    await writer.write(first);
    await writer.write({ ...first, statusCode: 503, creditsMoved: 0, errorCode: "UNAVAILABLE" });
    const [row] = await rows([first.requestId]);
    expect(row).toMatchObject({ statusCode: 503, creditsMoved: 0, errorCode: "UNAVAILABLE" });
  });

  it("writes the good rows of a group that holds one the database refuses", async () => {
    const writer = new RequestLogWriter(database.query);
    const good = Array.from({ length: 5 }, () => entry());
    const bad = entry({ path: "/v1/\u0000" });
    const outcomes = await Promise.allSettled([...good, bad].map((e) => writer.write(e)));
    expect(outcomes.slice(0, 5).every((o) => o.status === "fulfilled")).toBe(true);
    expect(outcomes[5]!.status).toBe("rejected");
    expect(await rows(good.map((e) => e.requestId))).toHaveLength(5);
  });
});
