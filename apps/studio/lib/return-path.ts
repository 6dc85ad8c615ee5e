/** Where a stylist lands after signing in when no (acceptable) `next` was given. */
export const DEFAULT_RETURN_PATH = "/generate";

// Resolved against an origin no request can have: a value that leaves it was not a local path.
const PROBE_ORIGIN = "https://studio.invalid";
const MAX_LENGTH = 2048;

/**
 * A `next` / return-to value as a same-origin path, or the default. Only a path starting with
 * one "/" is taken: never `//host` or `/\host` (browsers read a backslash as a slash), an
 * absolute URL or a `javascript:` one, nor anything with control characters or whitespace (the
 * URL parser drops tabs and newlines, so `/\t/host` would become `//host`). What is returned is
 * the parser's own reading of it (dot segments resolved), checked again, so the browser follows
 * exactly the path we checked.
 */
export function safeReturnPath(value: unknown, fallback = DEFAULT_RETURN_PATH): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\\\s\p{Cc}]/u.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can rebuild a host: `/..//evil.example` reads as `//evil.example`.
  if (url.origin !== PROBE_ORIGIN || path.startsWith("//")) return fallback;
  return path;
}
