import { createHash, randomBytes } from "node:crypto";
import type { DataMode } from "@garment/db";

export const CAPABILITIES = ["jobs:create", "jobs:read"] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Older names the original API still accepts during its transition period. */
const CAPABILITY_ALIASES: Record<string, Capability> = {
  "ctm:create": "jobs:create",
  "ctm:read": "jobs:read",
};

export function normalizeCapabilities(values: readonly string[]): Capability[] {
  const known = new Set<Capability>();
  for (const value of values) {
    const capability = CAPABILITY_ALIASES[value] ?? value;
    if (!(CAPABILITIES as readonly string[]).includes(capability)) {
      throw new Error(`Unknown capability "${value}". Known: ${CAPABILITIES.join(", ")}.`);
    }
    known.add(capability as Capability);
  }
  return [...known];
}

/** `sk_live_…` / `sk_test_…` followed by 32 bytes of randomness (base64url). */
export function generateApiKey(mode: DataMode): string {
  return `sk_${mode}_${randomBytes(32).toString("base64url")}`;
}

/** Keys are long random strings, so a fast unsalted hash is safe and keeps lookups indexed. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function modeOfKey(key: string): DataMode | null {
  if (key.startsWith("sk_live_")) return "live";
  if (key.startsWith("sk_test_")) return "test";
  return null;
}

export function displayPrefix(key: string): string {
  return `${key.slice(0, 12)}…`;
}
