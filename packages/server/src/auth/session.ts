import type { DataMode } from "@garment/db";
import { CAPABILITIES } from "./api-keys";
import type { Caller } from "./caller";

/** The Studio's session cookie (HTTP-only, SameSite=Lax, Secure outside plain-HTTP loopback). */
export const SESSION_COOKIE = "gs_session";

/**
 * The Studio's data mode (the stylist's test-mode switch). Only read beside a session: it picks
 * which of the stylist's own client's two modes they act in, so it needs no signature. Anything
 * but "test" is live.
 */
export const STUDIO_MODE_COOKIE = "gs_mode";

export function studioModeOf(value: string | null | undefined): DataMode {
  return value === "test" ? "test" : "live";
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A signed-in stylist acts for their client, live unless they switched to test, with every capability. */
export function sessionCaller(
  user: { userId: string; clientId: string; isOperator?: boolean },
  mode: DataMode = "live",
): Caller {
  return {
    clientId: user.clientId,
    mode,
    capabilities: [...CAPABILITIES],
    apiKeyId: null,
    userId: user.userId,
    isOperator: user.isOperator ?? false,
  };
}

/** True when a request has a session cookie and no API credential (Bearer key). */
export function carriesOnlySession(headers: Headers): boolean {
  return (
    !headers.get("authorization") && readCookie(headers.get("cookie"), SESSION_COOKIE) !== null
  );
}
