import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashApiKey } from "../auth/api-keys";
import { createClient } from "../services/clients/create-client";
import { getBalance } from "../services/credits/balance";
import type { AppRuntime } from "./app-runtime";

export interface DemoCredentials {
  client_id: string;
  api_key: string;
  test_api_key: string;
}

/**
 * The embedded default's demo client. Keys are stored hashed, so the plain demo keys are kept
 * beside the local database (never done for real clients) to be printed at every start.
 */
export async function ensureDemoCredentials(
  runtime: AppRuntime,
  dataDir: string,
  credits: number,
): Promise<DemoCredentials & { balance: number }> {
  const file = path.join(dataDir, "demo-credentials.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as DemoCredentials;
    const key = await runtime.db.apiKey.findUnique({
      where: { keyHash: hashApiKey(stored.api_key) },
    });
    if (key && !key.revokedAt)
      return { ...stored, balance: await getBalance(runtime.db, stored.client_id, "live") };
  }
  const created = await createClient(runtime.db, { name: "Demo Studio", credits });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 });
  return { ...created, balance: credits };
}
