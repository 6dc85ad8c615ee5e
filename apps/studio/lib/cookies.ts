import { headers } from "next/headers";

/** Secure cookies everywhere except plain HTTP on a loopback address (local development). */
export async function cookieIsSecure(): Promise<boolean> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  const host = (h.get("host") ?? "").replace(/:\d+$/, "");
  const loopback = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return proto === "https" || !loopback;
}
