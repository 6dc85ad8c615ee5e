import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createUser } from "../services/users/create-user";
import type { AppRuntime } from "./app-runtime";

export interface DemoStylist {
  email: string;
  password: string;
}

export const DEMO_STYLIST_EMAIL = "stylist@demo.garment.studio";

/**
 * The embedded default's demo stylist (of the demo client). Like the demo keys, its random
 * password is kept beside the local database so it can be printed at every start.
 */
export async function ensureDemoStylist(
  runtime: AppRuntime,
  dataDir: string,
  clientId: string,
): Promise<DemoStylist> {
  const file = path.join(dataDir, "demo-stylist.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as DemoStylist;
    const user = await runtime.db.user.findUnique({ where: { email: stored.email } });
    if (user && user.clientId === clientId) return stored;
    if (user) await runtime.db.user.delete({ where: { id: user.id } });
  } else {
    const stale = await runtime.db.user.findUnique({ where: { email: DEMO_STYLIST_EMAIL } });
    if (stale) await runtime.db.user.delete({ where: { id: stale.id } });
  }
  const stylist = { email: DEMO_STYLIST_EMAIL, password: randomBytes(9).toString("base64url") };
  await createUser(runtime.db, { clientId, ...stylist, name: "Demo Stylist" });
  writeFileSync(file, JSON.stringify(stylist, null, 2), { mode: 0o600 });
  return stylist;
}
