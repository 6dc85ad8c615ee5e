import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../test/harness";
import { getBalance, grantCredits } from "../services/credits/balance";

// Attack: rewrite what was charged. The credit ledger was append-only by convention only: any
// code path, CLI or SQL session could UPDATE an amount or DELETE a charge, and the balance (the
// sum of the ledger) would silently follow. The database now refuses both, and TRUNCATE.

describe.each(testDatabaseKinds())("credit ledger on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("refuses UPDATE, DELETE and TRUNCATE, and the balance stays", async () => {
    const client = await createTestClient(runtime, 40);
    const entry = await runtime.db.creditLedgerEntry.findFirstOrThrow({
      where: { clientId: client.client_id },
    });
    await expect(
      runtime.db.$executeRaw`UPDATE credit_ledger SET amount = 1000000 WHERE id = ${entry.id}`,
    ).rejects.toThrow();
    await expect(
      runtime.db.creditLedgerEntry.update({ where: { id: entry.id }, data: { note: "edited" } }),
    ).rejects.toThrow();
    await expect(
      runtime.db.$executeRaw`DELETE FROM credit_ledger WHERE client_id = ${client.client_id}`,
    ).rejects.toThrow();
    await expect(
      runtime.db.creditLedgerEntry.deleteMany({ where: { clientId: client.client_id } }),
    ).rejects.toThrow();
    await expect(runtime.db.$executeRawUnsafe("TRUNCATE credit_ledger")).rejects.toThrow();
    // Refused by the trigger (PostgreSQL names it; PGlite's adapter passes no message through).
    if (kind === "postgres") {
      await expect(
        runtime.db.$executeRaw`DELETE FROM credit_ledger WHERE id = ${entry.id}`,
      ).rejects.toThrow(/append-only: DELETE refused/);
    }
    expect(
      await runtime.db.creditLedgerEntry.findUniqueOrThrow({ where: { id: entry.id } }),
    ).toEqual(entry);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(40);
  });

  it("still takes new entries: a correction is a new row", async () => {
    const client = await createTestClient(runtime, 40);
    await grantCredits(runtime.db, {
      clientId: client.client_id,
      mode: "live",
      amount: 15,
      note: "correction",
    });
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(55);
  });
});
