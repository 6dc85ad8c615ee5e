import type { PrismaClient } from "@garment/db";
import { forbidden, unauthenticated } from "../errors";
import { hashApiKey, modeOfKey, normalizeCapabilities, type Capability } from "./api-keys";
import { hasCapability, type Caller } from "./caller";

/** Resolves an `Authorization: Bearer sk_…` header to its caller, or throws UNAUTHENTICATED. */
export async function authenticateBearer(
  db: PrismaClient,
  authorization: string | null,
): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key) throw unauthenticated("Send an API key as 'Authorization: Bearer sk_…'.");
  const mode = modeOfKey(key);
  if (!mode) throw unauthenticated("API keys start with sk_live_ or sk_test_.");
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, clientId: true, mode: true, capabilities: true, revokedAt: true },
  });
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
