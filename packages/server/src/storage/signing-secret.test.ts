import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../config/configuration-error";
import { loadSigningSecret } from "./signing-secret";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "gs-secret-"));

describe("loadSigningSecret", () => {
  it("refuses a shared (PostgreSQL) deployment without STUDIO_SIGNING_SECRET, naming it", () => {
    const load = () => loadSigningSecret({ fromEnv: undefined, dataDir: dataDir(), shared: true });
    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/STUDIO_SIGNING_SECRET is not set/);
  });

  it("uses the configured secret, and refuses one too short to be a secret", () => {
    const secret = "s".repeat(40);
    expect(loadSigningSecret({ fromEnv: secret, dataDir: dataDir(), shared: true })).toBe(secret);
    expect(() => loadSigningSecret({ fromEnv: "short", dataDir: dataDir(), shared: true })).toThrow(
      /at least 32/,
    );
  });

  it("generates one for the embedded default and keeps it across restarts", () => {
    const dir = dataDir();
    const first = loadSigningSecret({ fromEnv: undefined, dataDir: dir, shared: false });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSigningSecret({ fromEnv: undefined, dataDir: dir, shared: false })).toBe(first);
  });
});
