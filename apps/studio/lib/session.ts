import { resolveSession, SESSION_COOKIE, type SessionUser } from "@garment/server";
import { cookies } from "next/headers";
import { runtime } from "./runtime";

/** The signed-in stylist for this request, or null. */
export async function currentStylist(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return resolveSession((await runtime()).db, token);
}
