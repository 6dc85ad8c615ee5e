import type { DataMode, PrismaClient } from "@garment/db";
import { ulid } from "../../ids";

export async function getBalance(
  db: PrismaClient,
  clientId: string,
  mode: DataMode,
): Promise<number> {
  const account = await db.creditAccount.findUnique({
    where: { clientId_mode: { clientId, mode } },
    select: { balance: true },
  });
  return account?.balance ?? 0;
}

/** Adds (or, with a negative amount, removes) credits with a ledger entry, never below zero. */
export async function grantCredits(
  db: PrismaClient,
  input: { clientId: string; mode: DataMode; amount: number; note?: string },
): Promise<number> {
  if (!Number.isInteger(input.amount) || input.amount === 0)
    throw new Error("The amount must be a non-zero integer.");
  const kind = input.amount > 0 ? "grant" : "adjustment";
  const rows = await db.$queryRaw<{ balance: number }[]>`
    WITH account AS (
      INSERT INTO credit_accounts (client_id, mode, balance) VALUES (${input.clientId}, ${input.mode}::"DataMode", ${input.amount})
      ON CONFLICT (client_id, mode) DO UPDATE SET balance = credit_accounts.balance + EXCLUDED.balance, updated_at = now()
      RETURNING balance
    ), ledger AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, note)
      SELECT ${ulid()}, ${input.clientId}, ${input.mode}::"DataMode", ${input.amount}, ${kind}::"LedgerKind", ${input.note ?? ""} FROM account
    )
    SELECT balance FROM account`;
  const balance = rows[0]?.balance;
  if (balance === undefined) throw new Error("Unknown client.");
  return balance;
}

/** The sum of a client's ledger: must always equal its balance. */
export async function ledgerSum(
  db: PrismaClient,
  clientId: string,
  mode: DataMode,
): Promise<number> {
  const result = await db.creditLedgerEntry.aggregate({
    where: { clientId, mode },
    _sum: { amount: true },
  });
  return result._sum.amount ?? 0;
}
