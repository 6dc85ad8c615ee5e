import type { PrismaClient } from "@garment/db";
import type { ApiSettings } from "../config/api-settings";
import { unauthenticated } from "../errors";
import { authenticateBearer, type KeyLookup } from "./authenticate";
import type { RateLimiter } from "./rate-limit";
import type { Caller } from "./caller";
import { authenticateShopify, SHOPIFY_HMAC_HEADER } from "./shopify";

interface AuthRuntime extends KeyLookup {
  db: PrismaClient;
  rateLimiter: RateLimiter;
  settings: Pick<ApiSettings, "rateLimit">;
}

/** What a route accepts besides a Bearer key. */
export interface CredentialOptions {
  /** The raw body, when the route accepts Shopify signatures (they sign it). */
  shopifyBody?: () => Promise<string>;
}

/**
 * Who is calling, by whichever credential the request carries: a Bearer key, or — only on a
 * route that accepts them (the dispatch POST) and without an Authorization header — a Shopify
 * signature over the raw body. Anywhere else a Shopify signature authenticates nothing.
 */
export async function identifyCaller(
  runtime: AuthRuntime,
  headers: Headers,
  options: CredentialOptions = {},
): Promise<Caller> {
  const authorization = headers.get("authorization");
  if (!authorization && headers.get(SHOPIFY_HMAC_HEADER) !== null) {
    if (!options.shopifyBody)
      throw unauthenticated(
        "Shopify signatures are accepted only on POST /v1/complementary-garment-generator; send an API key.",
      );
    return authenticateShopify(runtime.db, headers, await options.shopifyBody());
  }
  return authenticateBearer(runtime, authorization);
}

/**
 * Takes one request from the caller's bucket — its credential's, or the stylist's own for a
 * Studio session — and refuses with 429 RATE_LIMITED and Retry-After past it.
 */
export async function enforceRateLimit(runtime: AuthRuntime, caller: Caller): Promise<void> {
  await runtime.rateLimiter.take(
    caller.userId ? `session:${caller.userId}` : `credential:${caller.apiKeyId ?? caller.clientId}`,
    runtime.settings.rateLimit,
  );
}
