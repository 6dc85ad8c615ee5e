import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigurationError } from "../config/configuration-error";

export const MIN_SIGNING_SECRET_LENGTH = 32;

export interface SigningSecretSource {
  /** STUDIO_SIGNING_SECRET, when set. */
  fromEnv: string | undefined;
  /** Where the embedded default keeps the secret it generates. */
  dataDir: string;
  /**
   * True when instances share one database (PostgreSQL): every instance must sign and verify
   * image URLs with the same secret, so it has to come from the configuration.
   */
  shared: boolean;
}

/**
 * The secret that signs image URLs. Shared deployments must configure it (a secret generated
 * per instance would make a URL signed by one instance fail on the next); the embedded default
 * creates one and keeps it beside the local data so URLs survive a restart.
 */
export function loadSigningSecret({ fromEnv, dataDir, shared }: SigningSecretSource): string {
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_SIGNING_SECRET_LENGTH)
      throw new ConfigurationError([
        `STUDIO_SIGNING_SECRET is ${fromEnv.length} characters long; use at least ${MIN_SIGNING_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`,
      ]);
    return fromEnv;
  }
  if (shared)
    throw new ConfigurationError([
      "STUDIO_SIGNING_SECRET is not set. On PostgreSQL every app instance must sign image URLs with the same secret: set STUDIO_SIGNING_SECRET to the same random string (at least 32 characters, e.g. `openssl rand -base64 32`) on every instance.",
    ]);
  const file = path.join(dataDir, "signing-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
