import type { AppRuntime } from "../runtime/app-runtime";
import { authenticateBearer } from "./authenticate";
import type { Caller } from "./caller";
import { authenticateShopify, SHOPIFY_HMAC_HEADER, SHOPIFY_SHOP_HEADER } from "./shopify";

type AuthRuntime = Pick<AppRuntime, "db" | "rateLimiter" | "settings">;

/** Identifies, then rate-limits: see identifyCaller and enforceRateLimit. */
export async function authenticateRequest(
  runtime: AuthRuntime,
  headers: Headers,
  rawBody?: () => Promise<string>,
): Promise<Caller> {
  const caller = await identifyCaller(runtime, headers, rawBody);
  enforceRateLimit(runtime, caller);
  return caller;
}

/**
 * Who is calling, by whichever credential the request carries: a Bearer key, or (REST, when
 * there is no Authorization header) a Shopify HMAC of the raw body.
 */
export async function identifyCaller(
  runtime: AuthRuntime,
  headers: Headers,
  rawBody?: () => Promise<string>,
): Promise<Caller> {
  const authorization = headers.get("authorization");
  const shopifyHmac = headers.get(SHOPIFY_HMAC_HEADER);
  const caller =
    !authorization && shopifyHmac && rawBody
      ? await authenticateShopify(
          runtime.db,
          shopifyHmac,
          headers.get(SHOPIFY_SHOP_HEADER),
          await rawBody(),
        )
      : await authenticateBearer(runtime.db, authorization);
  return caller;
}

/** Takes one request from the credential's bucket: 429 RATE_LIMITED with Retry-After past it. */
export function enforceRateLimit(runtime: AuthRuntime, caller: Caller): void {
  runtime.rateLimiter.take(
    `credential:${caller.apiKeyId ?? caller.clientId}`,
    runtime.settings.rateLimit,
  );
}
