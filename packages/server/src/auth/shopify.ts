import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DataMode, PrismaClient } from "@garment/db";
import { ulid } from "ulid";
import { unauthenticated } from "../errors";
import { normalizeCapabilities, type Capability } from "./api-keys";
import type { Caller } from "./caller";

export const SHOPIFY_HMAC_HEADER = "x-shopify-hmac-sha256";
export const SHOPIFY_SHOP_HEADER = "x-shopify-shop-domain";

/** What Shopify sends: base64(HMAC-SHA256(app secret, raw body)). */
export function shopifyHmac(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/** Compares the header with the expected digest in constant time (over the decoded bytes). */
export function shopifyHmacMatches(secret: string, rawBody: string, header: string): boolean {
  const expected = Buffer.from(shopifyHmac(secret, rawBody), "base64");
  const given = Buffer.from(header.trim(), "base64");
  // Lengths are public (always 32 bytes for a real digest); only equal-length buffers compare.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Without a shop domain every live credential is a candidate; keep that scan bounded.
const MAX_CANDIDATES = 1_000;

/**
 * Authenticates a request signed the way Shopify signs webhooks and app proxy calls: the client
 * whose registered secret produces the header's HMAC of the raw body. `X-Shopify-Shop-Domain`,
 * when sent, narrows the candidates to that shop's credentials.
 */
export async function authenticateShopify(
  db: PrismaClient,
  header: string,
  shopDomain: string | null,
  rawBody: string,
): Promise<Caller> {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(header.trim()))
    throw unauthenticated("X-Shopify-Hmac-Sha256 must be a base64 HMAC-SHA256 digest.");
  const candidates = await db.shopifyCredential.findMany({
    where: { revokedAt: null, ...(shopDomain ? { shopDomain: shopDomain.trim() } : {}) },
    select: { id: true, clientId: true, mode: true, secret: true, capabilities: true },
    orderBy: { createdAt: "asc" },
    take: MAX_CANDIDATES,
  });
  // Check every candidate, so the time taken does not tell which one matched.
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (shopifyHmacMatches(candidate.secret, rawBody, header) && !match) match = candidate;
  }
  if (!match) throw unauthenticated("The X-Shopify-Hmac-Sha256 signature does not match.");
  return {
    clientId: match.clientId,
    mode: match.mode,
    capabilities: normalizeCapabilities(match.capabilities),
    apiKeyId: match.id,
  };
}

/** Registers a client's Shopify app secret (generated when not given); returns it once. */
export async function createShopifyCredential(
  db: PrismaClient,
  input: {
    clientId: string;
    mode: DataMode;
    capabilities: Capability[];
    shopDomain?: string | null;
    secret?: string;
  },
): Promise<{ id: string; secret: string }> {
  const client = await db.client.findUnique({
    where: { id: input.clientId },
    select: { id: true },
  });
  if (!client) throw new Error(`No client ${input.clientId}.`);
  const secret = input.secret ?? randomBytes(32).toString("hex");
  const id = ulid();
  await db.shopifyCredential.create({
    data: {
      id,
      clientId: input.clientId,
      mode: input.mode,
      shopDomain: input.shopDomain ?? null,
      secret,
      capabilities: normalizeCapabilities(input.capabilities),
    },
  });
  return { id, secret };
}
