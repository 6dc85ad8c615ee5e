import type { PrismaClient } from "@garment/db";
import { ulid } from "../../ids";
import { grantCredits } from "../credits/balance";
import { createApiKey } from "./api-keys";

export interface CreatedClient {
  client_id: string;
  api_key: string;
  test_api_key: string;
}

/**
 * Creates a tenant with live and test credit accounts, an opening grant (in both modes, so
 * test keys can exercise the API without touching live credits) and one key per mode.
 */
export async function createClient(
  db: PrismaClient,
  input: { name: string; credits: number; testCredits?: number },
): Promise<CreatedClient> {
  if (!Number.isInteger(input.credits) || input.credits < 0)
    throw new Error("Credits must be a non-negative integer.");
  const clientId = ulid();
  await db.client.create({
    data: {
      id: clientId,
      name: input.name,
      creditAccounts: {
        create: [
          { mode: "live", balance: 0 },
          { mode: "test", balance: 0 },
        ],
      },
    },
  });
  if (input.credits > 0)
    await grantCredits(db, {
      clientId,
      mode: "live",
      amount: input.credits,
      note: "opening grant",
    });
  const testCredits = input.testCredits ?? input.credits;
  if (testCredits > 0)
    await grantCredits(db, { clientId, mode: "test", amount: testCredits, note: "opening grant" });
  const live = await createApiKey(db, { clientId, mode: "live", name: "default" });
  const test = await createApiKey(db, { clientId, mode: "test", name: "default" });
  return { client_id: clientId, api_key: live.api_key, test_api_key: test.api_key };
}
