import { STUDIO_MODE_COOKIE, studioModeOf } from "@garment/server";
import { cookies } from "next/headers";

export type StudioMode = ReturnType<typeof studioModeOf>;

/** The data mode this request acts in: the stylist's test-mode switch (the server reads the same cookie). */
export async function currentMode(): Promise<StudioMode> {
  return studioModeOf((await cookies()).get(STUDIO_MODE_COOKIE)?.value);
}
