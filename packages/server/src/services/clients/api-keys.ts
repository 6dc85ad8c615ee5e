import type { DataMode, PrismaClient } from "@garment/db";
import { ulid } from "../../ids";
import { resourceNotFound } from "../../errors";
import {
  CAPABILITIES,
  displayPrefix,
  generateApiKey,
  hashApiKey,
  normalizeCapabilities,
  type Capability,
} from "../../auth/api-keys";

export interface CreatedApiKey {
  key_id: string;
  api_key: string;
  mode: DataMode;
  capabilities: Capability[];
}

/** Creates a key and returns the plain key: the only time it is ever visible. */
export async function createApiKey(
  db: PrismaClient,
  input: { clientId: string; mode?: DataMode; capabilities?: readonly string[]; name?: string },
): Promise<CreatedApiKey> {
  const mode = input.mode ?? "live";
  const capabilities = normalizeCapabilities(input.capabilities ?? CAPABILITIES);
  const client = await db.client.findUnique({
    where: { id: input.clientId },
    select: { id: true },
  });
  if (!client) throw new Error(`No client ${input.clientId}.`);
  const apiKey = generateApiKey(mode);
  const keyId = ulid();
  await db.apiKey.create({
    data: {
      id: keyId,
      clientId: input.clientId,
      mode,
      name: input.name ?? "",
      displayPrefix: displayPrefix(apiKey),
      keyHash: hashApiKey(apiKey),
      capabilities,
    },
  });
  return { key_id: keyId, api_key: apiKey, mode, capabilities };
}

/** A client's keys, newest first (never the keys themselves: only their prefix). */
export async function listApiKeys(db: PrismaClient, clientId: string) {
  const keys = await db.apiKey.findMany({ where: { clientId }, orderBy: { createdAt: "desc" } });
  return keys.map((k) => ({
    key_id: k.id,
    name: k.name,
    prefix: k.displayPrefix,
    mode: k.mode,
    capabilities: k.capabilities,
    created_at: k.createdAt.toISOString(),
    revoked_at: k.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * Revokes by key id or by the plain key (revoking twice keeps the first time). Revoked keys
 * answer 401 from then on: the `api_keys` trigger tells every instance's key cache, and
 * `onRevoked` lets this instance drop its copy before answering. `owner` limits it to one
 * client's keys (the Studio); another client's key is as unknown as a missing one.
 */
export async function revokeApiKey(
  db: PrismaClient,
  keyIdOrKey: string,
  options: { owner?: { clientId: string }; onRevoked?: (keyHash: string) => void } = {},
): Promise<{ key_id: string; revoked_at: string }> {
  const { owner, onRevoked } = options;
  const where = keyIdOrKey.startsWith("sk_")
    ? { keyHash: hashApiKey(keyIdOrKey) }
    : { id: keyIdOrKey };
  const key = await db.apiKey.findFirst({
    where: { ...where, ...(owner ? { clientId: owner.clientId } : {}) },
  });
  if (!key) throw resourceNotFound("API key");
  const revokedAt = key.revokedAt ?? new Date();
  if (!key.revokedAt) await db.apiKey.update({ where: { id: key.id }, data: { revokedAt } });
  onRevoked?.(key.keyHash);
  return { key_id: key.id, revoked_at: revokedAt.toISOString() };
}
