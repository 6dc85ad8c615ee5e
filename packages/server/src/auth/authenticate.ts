import type { DataMode, PrismaClient } from "@garment/db";
import { forbidden, unauthenticated } from "../errors";
import type { ApiKeyCache } from "./api-key-cache";
import { hashApiKey, modeOfKey, normalizeCapabilities, type Capability } from "./api-keys";
import { hasCapability, type Caller } from "./caller";

/** What authentication reads of a key row (and what the key cache keeps). */
export interface ApiKeyRow {
  id: string;
  clientId: string;
  mode: DataMode;
  capabilities: string[];
  revokedAt: Date | null;
}

export interface KeyLookup {
  db: PrismaClient;
  /** Keys already looked up, kept in step with revocations; absent = read every time. */
  apiKeys?: ApiKeyCache<ApiKeyRow>;
}

/** Resolves an `Authorization: Bearer sk_…` header to its caller, or throws UNAUTHENTICATED. */
export async function authenticateBearer(
  { db, apiKeys }: KeyLookup,
  authorization: string | null,
): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key) throw unauthenticated("Send an API key as 'Authorization: Bearer sk_…'.");
  const mode = modeOfKey(key);
  if (!mode) throw unauthenticated("API keys start with sk_live_ or sk_test_.");
  const keyHash = hashApiKey(key);
  const load = (): Promise<ApiKeyRow | null> =>
    db.apiKey.findUnique({
      where: { keyHash },
      select: { id: true, clientId: true, mode: true, capabilities: true, revokedAt: true },
    });
  const row = apiKeys
    ? await apiKeys.lookup(keyHash, load, (found) => found.revokedAt === null)
    : await load();
  if (!row || row.revokedAt !== null || row.mode !== mode)
    throw unauthenticated("Invalid or revoked API key.");
  return {
    clientId: row.clientId,
    mode: row.mode,
    capabilities: normalizeCapabilities(row.capabilities),
    apiKeyId: row.id,
  };
}

export function requireCapability(caller: Caller, capability: Capability): void {
  if (!hasCapability(caller, capability)) {
    throw forbidden(`This key lacks the '${capability}' capability.`);
  }
}
