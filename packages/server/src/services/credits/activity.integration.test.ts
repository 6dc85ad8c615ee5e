import { testDatabaseKinds, type DataMode, type LedgerKind } from "@garment/db";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../../test/harness";
import { sessionCaller } from "../../auth/session";
import { creditActivity } from "./activity";

const NOW = new Date("2026-03-10T15:30:00Z");

describe.each(testDatabaseKinds())("credit activity on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("sums debits and refunds per hour and per day, in the caller's mode only", async () => {
    const client = await createTestClient(runtime, 0);
    const other = await createTestClient(runtime, 0, "Other");
    const entry = (
      at: string,
      kind: LedgerKind,
      amount: number,
      mode: DataMode = "live",
      id = client.client_id,
    ) =>
      runtime.db.creditLedgerEntry.create({
        data: { id: ulid(), clientId: id, mode, kind, amount, createdAt: new Date(at) },
      });
    await entry("2026-03-10T15:05:00Z", "debit", -5);
    await entry("2026-03-10T15:20:00Z", "debit", -5);
    await entry("2026-03-10T15:25:00Z", "refund", 5);
    await entry("2026-03-10T09:59:59Z", "debit", -10);
    await entry("2026-03-08T23:00:00Z", "debit", -20);
    await entry("2026-03-10T15:10:00Z", "grant", 100); // not spend
    await entry("2026-03-10T15:10:00Z", "debit", -7, "test"); // the other mode
    await entry("2026-03-10T15:10:00Z", "debit", -9, "live", other.client_id); // another client
    await entry("2026-01-01T00:00:00Z", "debit", -3); // before every range but 90d

    const caller = sessionCaller({ userId: "u", clientId: client.client_id });
    const day = await creditActivity(runtime.db, caller, { range: "24h" }, NOW);
    expect(day.bucket).toBe("hour");
    expect(day.points).toHaveLength(24);
    expect(day.points.at(-1)).toEqual({
      start: "2026-03-10T15:00:00.000Z",
      spent: 10,
      refunded: 5,
    });
    expect(day.points.find((p) => p.start === "2026-03-10T09:00:00.000Z")?.spent).toBe(10);
    expect([day.spent, day.refunded]).toEqual([20, 5]);

    const week = await creditActivity(runtime.db, caller, { range: "7d" }, NOW);
    expect(week.bucket).toBe("day");
    expect(week.points.map((p) => p.start.slice(0, 10))).toEqual([
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
    ]);
    expect(week.points.map((p) => p.spent)).toEqual([0, 0, 0, 0, 20, 0, 20]);
    expect([week.spent, week.refunded]).toEqual([40, 5]);
    expect((await creditActivity(runtime.db, caller, { range: "90d" }, NOW)).spent).toBe(43);

    const test = sessionCaller({ userId: "u", clientId: client.client_id }, "test");
    expect((await creditActivity(runtime.db, test, { range: "24h" }, NOW)).spent).toBe(7);
  });
});
