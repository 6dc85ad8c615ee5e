import { CAPABILITIES } from "./api-keys";
import type { Caller } from "./caller";

/** The Studio's session cookie (HTTP-only, SameSite=Lax, Secure outside plain-HTTP loopback). */
export const SESSION_COOKIE = "gs_session";

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

/** A signed-in stylist acts for their client in live mode, with every capability. */
export function sessionCaller(user: { userId: string; clientId: string }): Caller {
  return {
    clientId: user.clientId,
    mode: "live",
    capabilities: [...CAPABILITIES],
    apiKeyId: null,
    userId: user.userId,
  };
}

/** True when a request has a session cookie and no API credential (Bearer key). */
export function carriesOnlySession(headers: Headers): boolean {
  return (
    !headers.get("authorization") && readCookie(headers.get("cookie"), SESSION_COOKIE) !== null
  );
}
