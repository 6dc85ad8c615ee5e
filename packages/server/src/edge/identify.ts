import { identifyCaller as identifyByCredential } from "../auth/authenticate-request";
import type { Caller } from "../auth/caller";
import {
  carriesOnlySession,
  readCookie,
  SESSION_COOKIE,
  sessionCaller,
  STUDIO_MODE_COOKIE,
  studioModeOf,
} from "../auth/session";
import { unauthenticated } from "../errors";
import type { AppRuntime } from "../runtime/app-runtime";
import { resolveSession } from "../services/users/sessions";

export interface Credentials {
  /** The Studio's session cookie counts (tRPC); REST takes API credentials only. */
  acceptsSession: boolean;
  /** The raw body, where a Shopify signature is accepted (the dispatch POST only): it signs the body. */
  shopifyBody?: () => Promise<string>;
}

/**
 * Who is calling, whatever the transport: the stylist when a session cookie comes alone (and
 * the transport accepts one), in the mode of their test-mode switch, else the Bearer key, else — where accepted — a Shopify signature.
 */
export async function identifyCaller(
  runtime: Pick<AppRuntime, "db" | "rateLimiter" | "settings">,
  headers: Headers,
  credentials: Credentials,
): Promise<Caller> {
  if (credentials.acceptsSession && carriesOnlySession(headers)) {
    const user = await resolveSession(
      runtime.db,
      readCookie(headers.get("cookie"), SESSION_COOKIE),
    );
    if (!user) throw unauthenticated("Sign in again: your Studio session has expired.");
    return sessionCaller(user, studioModeOf(readCookie(headers.get("cookie"), STUDIO_MODE_COOKIE)));
  }
  return identifyByCredential(
    runtime,
    headers,
    credentials.shopifyBody ? { shopifyBody: credentials.shopifyBody } : {},
  );
}
