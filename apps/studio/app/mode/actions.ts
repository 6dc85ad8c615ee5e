"use server";

import { STUDIO_MODE_COOKIE, studioModeOf } from "@garment/server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { cookieIsSecure } from "~/lib/cookies";

/**
 * The test-mode switch. The cookie only chooses between the stylist's own client's live and test
 * data; the server honours it beside a session cookie only (an API key keeps its own mode).
 */
export async function setModeAction(form: FormData): Promise<void> {
  const value = form.get("mode");
  const mode = studioModeOf(typeof value === "string" ? value : null);
  (await cookies()).set(STUDIO_MODE_COOKIE, mode, {
    httpOnly: true,
    sameSite: "lax",
    secure: await cookieIsSecure(),
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  // Every page shows the mode: render them all again.
  revalidatePath("/", "layout");
}
