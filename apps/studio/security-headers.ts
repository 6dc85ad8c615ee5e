/**
 * Sent on every response, by Next (next.config.ts) and by the API front door alike. The CSP says
 * only `frame-ancestors 'none'` (no page may frame the Studio: clickjacking); it restricts no
 * script or style, so Next's inline scripts and the /docs viewer run as before. X-Frame-Options
 * says the same to browsers without CSP level 2.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
