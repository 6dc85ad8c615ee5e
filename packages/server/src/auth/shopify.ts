import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DataMode, PrismaClient } from "@garment/db";
import { ulid } from "../ids";
import { ApiError, unauthenticated } from "../errors";
import { normalizeCapabilities, type Capability } from "./api-keys";
import type { Caller } from "./caller";

export const SHOPIFY_HMAC_HEADER = "x-shopify-hmac-sha256";
export const SHOPIFY_SHOP_HEADER = "x-shopify-shop-domain";
export const SHOPIFY_WEBHOOK_ID_HEADER = "x-shopify-webhook-id";
export const SHOPIFY_TRIGGERED_AT_HEADER = "x-shopify-triggered-at";

/** How far a signed timestamp may be from our clock, either way. */
export const SHOPIFY_FRESHNESS_MS = 5 * 60_000;
/** Active secrets per shop: each costs one HMAC per request, so their number is bounded. */
export const MAX_SECRETS_PER_SHOP = 3;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,59}\.myshopify\.com$/;
const WEBHOOK_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface ShopifySignedEvent {
  /** `X-Shopify-Triggered-At`, as sent (ISO 8601). */
  triggeredAt: string;
  /** `X-Shopify-Webhook-Id`: unique per request; a repeat is a replay. */
  webhookId: string;
}

/**
 * base64(HMAC-SHA256(secret, `${triggeredAt}.${webhookId}.${raw body}`)). Shopify itself signs
 * the body alone; a body-only signature never expires and cannot tell a replay from the
 * original, so ours also covers the event's timestamp and id (as Standard Webhooks does).
 */
export function shopifySignature(
  secret: string,
  event: ShopifySignedEvent,
  rawBody: string | Uint8Array,
): string {
  return createHmac("sha256", secret)
    .update(`${event.triggeredAt}.${event.webhookId}.`)
    .update(rawBody)
    .digest("base64");
}

/** Compares the header with the expected digest in constant time (over the decoded bytes). */
function signatureMatches(expected: string, header: string): boolean {
  const want = Buffer.from(expected, "base64");
  const given = Buffer.from(header.trim(), "base64");
  // Lengths are public (always 32 bytes for a real digest); only equal-length buffers compare.
  return given.length === want.length && timingSafeEqual(given, want);
}

export function normalizeShopDomain(value: string): string | null {
  const domain = value.trim().toLowerCase();
  return SHOP_DOMAIN.test(domain) ? domain : null;
}

/**
 * Authenticates a dispatch signed by a client's Shopify app. Everything that costs nothing is
 * checked before anything that costs something: the shop domain and the event's id and
 * timestamp must be present and well-formed, and the timestamp fresh, before the (at most
 * MAX_SECRETS_PER_SHOP) secrets of that one shop are tried. A match is accepted once: its
 * webhook id is remembered for the freshness window, so a replay is refused.
 */
export async function authenticateShopify(
  db: PrismaClient,
  headers: Headers,
  rawBody: string,
  now: Date = new Date(),
): Promise<Caller> {
  const header = headers.get(SHOPIFY_HMAC_HEADER) ?? "";
  if (!/^[A-Za-z0-9+/]{43}=$/.test(header.trim()))
    throw unauthenticated("X-Shopify-Hmac-Sha256 must be a base64 HMAC-SHA256 digest.");
  const shop = normalizeShopDomain(headers.get(SHOPIFY_SHOP_HEADER) ?? "");
  if (!shop)
    throw unauthenticated(
      "Shopify-signed requests must name their shop in X-Shopify-Shop-Domain (x.myshopify.com).",
    );
  const event = {
    webhookId: (headers.get(SHOPIFY_WEBHOOK_ID_HEADER) ?? "").trim(),
    triggeredAt: (headers.get(SHOPIFY_TRIGGERED_AT_HEADER) ?? "").trim(),
  };
  if (!WEBHOOK_ID.test(event.webhookId))
    throw unauthenticated("Shopify-signed requests need an X-Shopify-Webhook-Id (1–128 chars).");
  const sentAt = Date.parse(event.triggeredAt);
  if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > SHOPIFY_FRESHNESS_MS)
    throw unauthenticated(
      `X-Shopify-Triggered-At must be an ISO 8601 time within ${SHOPIFY_FRESHNESS_MS / 60_000} minutes of now.`,
    );

  const candidates = await db.shopifyCredential.findMany({
    where: { revokedAt: null, shopDomain: shop },
    select: { id: true, clientId: true, mode: true, secret: true, capabilities: true },
    orderBy: { createdAt: "asc" },
    take: MAX_SECRETS_PER_SHOP,
  });
  // Check every candidate, so the time taken does not tell which one matched.
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const ok = signatureMatches(shopifySignature(candidate.secret, event, rawBody), header);
    if (ok && !match) match = candidate;
  }
  if (!match) throw unauthenticated("The X-Shopify-Hmac-Sha256 signature does not match.");

  const remembered = await db.shopifyWebhookEvent.createMany({
    data: [{ credentialId: match.id, webhookId: event.webhookId, receivedAt: now }],
    skipDuplicates: true,
  });
  if (remembered.count === 0)
    throw new ApiError(
      "CONFLICT",
      "This X-Shopify-Webhook-Id was already accepted; each signed request is accepted once.",
    );
  return {
    clientId: match.clientId,
    mode: match.mode,
    capabilities: normalizeCapabilities(match.capabilities),
    apiKeyId: match.id,
  };
}

/** Registers a client's Shopify app secret for one shop (generated when not given); returns it once. */
export async function createShopifyCredential(
  db: PrismaClient,
  input: {
    clientId: string;
    mode: DataMode;
    capabilities: Capability[];
    shopDomain: string;
    secret?: string;
  },
): Promise<{ id: string; secret: string }> {
  const shopDomain = normalizeShopDomain(input.shopDomain);
  if (!shopDomain) throw new Error(`"${input.shopDomain}" is not a shop domain (x.myshopify.com).`);
  const client = await db.client.findUnique({
    where: { id: input.clientId },
    select: { id: true },
  });
  if (!client) throw new Error(`No client ${input.clientId}.`);
  const active = await db.shopifyCredential.count({ where: { shopDomain, revokedAt: null } });
  if (active >= MAX_SECRETS_PER_SHOP)
    throw new Error(
      `${shopDomain} already has ${active} active secrets (at most ${MAX_SECRETS_PER_SHOP}): revoke one first.`,
    );
  const secret = input.secret ?? randomBytes(32).toString("hex");
  const id = ulid();
  await db.shopifyCredential.create({
    data: {
      id,
      clientId: input.clientId,
      mode: input.mode,
      shopDomain,
      secret,
      capabilities: normalizeCapabilities(input.capabilities),
    },
  });
  return { id, secret };
}

/** Revokes a Shopify credential (by id): its secret authenticates nothing from now on. */
export async function revokeShopifyCredential(
  db: PrismaClient,
  credentialId: string,
  now: Date = new Date(),
): Promise<{ id: string; revoked_at: string }> {
  const row = await db.shopifyCredential.findUnique({
    where: { id: credentialId },
    select: { id: true, revokedAt: true },
  });
  if (!row) throw new Error(`No Shopify credential ${credentialId}.`);
  const revokedAt = row.revokedAt ?? now;
  if (!row.revokedAt)
    await db.shopifyCredential.update({ where: { id: row.id }, data: { revokedAt } });
  return { id: row.id, revoked_at: revokedAt.toISOString() };
}
