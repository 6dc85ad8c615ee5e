import { InvalidEnvironmentError } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { apiSettingsFromEnv } from "./config/api-settings";
import { readServerEnv } from "./env";

describe("readServerEnv", () => {
  it("applies the documented defaults when nothing is set", () => {
    const env = readServerEnv({});
    expect(env).toMatchObject({ PORT: 3000, LOG_LEVEL: "info", STUDIO_DEMO_CREDITS: 1000 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(apiSettingsFromEnv(env)).toMatchObject({
      maxBodyBytes: 65_536,
      rateLimit: { requests: 600, windowMs: 60_000 },
      outboundTimeoutMs: 10_000,
      webhooks: { allowPrivateUrls: true },
    });
  });

  it("keeps STUDIO_PUBLIC_URL as an origin, and refuses one that is not an http(s) URL", () => {
    const env = readServerEnv({ STUDIO_PUBLIC_URL: "https://studio.example.com/app/?x=1" });
    expect(apiSettingsFromEnv(env).publicOrigin).toBe("https://studio.example.com");
    expect(apiSettingsFromEnv(readServerEnv({})).publicOrigin).toBeNull();
    for (const bad of ["ftp://studio.example.com", "studio.example.com", "javascript:alert(1)"]) {
      expect(() => readServerEnv({ STUDIO_PUBLIC_URL: bad }), bad).toThrow(InvalidEnvironmentError);
    }
  });

  it("treats blank values as unset", () => {
    const env = readServerEnv({ STUDIO_RATE_LIMIT: "  ", DATABASE_URL: "", LOG_LEVEL: "" });
    expect(env.STUDIO_RATE_LIMIT).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("parses numbers and flags, and 0 turns the rate limit off", () => {
    const env = readServerEnv({
      STUDIO_RATE_LIMIT: "0",
      STUDIO_MAX_BODY_BYTES: "2048",
      STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS: "No",
      STUDIO_FAILING_IMAGE_MODEL: "1",
      NODE_ENV: "production",
    });
    expect(env.STUDIO_FAILING_IMAGE_MODEL).toBe(true);
    expect(apiSettingsFromEnv(env)).toMatchObject({
      maxBodyBytes: 2048,
      rateLimit: null,
      webhooks: { allowPrivateUrls: false },
    });
    expect(apiSettingsFromEnv(readServerEnv({ NODE_ENV: "production" })).webhooks).toMatchObject({
      allowPrivateUrls: false,
    });
  });

  it("refuses a non-number with an error naming the variable, never NaN", () => {
    expect(() => readServerEnv({ STUDIO_RATE_LIMIT: "abc" })).toThrow(InvalidEnvironmentError);
    expect(() => readServerEnv({ STUDIO_RATE_LIMIT: "abc" })).toThrow(/STUDIO_RATE_LIMIT/);
    expect(() => readServerEnv({ STUDIO_MAX_BODY_BYTES: "1.5" })).toThrow(/STUDIO_MAX_BODY_BYTES/);
    expect(() => readServerEnv({ STUDIO_OUTBOUND_TIMEOUT_MS: "-3" })).toThrow(
      /STUDIO_OUTBOUND_TIMEOUT_MS/,
    );
  });

  it("names every bad variable at once, the database package's included, without their values", () => {
    let error: unknown;
    try {
      readServerEnv({
        DATABASE_POOL_SIZE: "many",
        STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS: "maybe",
        LOG_LEVEL: "loud",
        OPENAI_API_KEY: "sk-secret-value",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_POOL_SIZE/);
    expect(message).toMatch(/STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).not.toMatch(/many|maybe|loud|sk-secret/);
  });
});
