import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../config/configuration-error";
import { resolveInngestConnection, type InngestSettings } from "./inngest-connection";

function problems(settings: InngestSettings): string[] {
  try {
    resolveInngestConnection(settings);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error("expected the configuration to be refused");
}

describe("resolveInngestConnection", () => {
  it("runs embedded when no INNGEST_* variable is set", () => {
    expect(resolveInngestConnection({})).toEqual({ mode: "embedded" });
    expect(resolveInngestConnection({ dev: "0" })).toEqual({ mode: "embedded" });
  });

  it("runs signed on Inngest with both keys, serve origin and path from the configuration", () => {
    expect(
      resolveInngestConnection({
        eventKey: "ek",
        signingKey: "signkey-prod-1",
        serveOrigin: "https://studio.example.com",
        servePath: "/hooks/inngest",
      }),
    ).toEqual({
      mode: "cloud",
      eventKey: "ek",
      signingKey: "signkey-prod-1",
      baseUrl: undefined,
      serveOrigin: "https://studio.example.com",
      servePath: "/hooks/inngest",
    });
  });

  it("refuses one key without the other, naming the missing one", () => {
    expect(problems({ eventKey: "ek" })[0]).toMatch(/missing: INNGEST_SIGNING_KEY/);
    expect(problems({ signingKey: "sk" })[0]).toMatch(/missing: INNGEST_EVENT_KEY/);
    const onlyBase = problems({ baseUrl: "http://inngest.internal:8288" })[0];
    expect(onlyBase).toMatch(/INNGEST_EVENT_KEY .* and INNGEST_SIGNING_KEY/);
  });

  it("allows dev mode only as INNGEST_DEV=1 with a dev server on loopback", () => {
    expect(resolveInngestConnection({ dev: "1", baseUrl: "http://127.0.0.1:8288" })).toMatchObject({
      mode: "dev",
      baseUrl: "http://127.0.0.1:8288",
      servePath: "/api/inngest",
    });
    expect(resolveInngestConnection({ dev: "1", baseUrl: "http://[::1]:8288" }).mode).toBe("dev");
    expect(problems({ dev: "1" })[0]).toMatch(/needs INNGEST_BASE_URL/);
    expect(
      problems({
        dev: "1",
        baseUrl: "https://inngest.example.com",
        eventKey: "e",
        signingKey: "s",
      })[0],
    ).toMatch(/only allowed with a dev server on loopback/);
  });

  it("refuses INNGEST_DEV values the SDK would read as dev mode or as an event URL", () => {
    for (const value of ["true", "yes", "https://evil.example"]) {
      expect(problems({ dev: value, eventKey: "e", signingKey: "s" })[0]).toMatch(
        `INNGEST_DEV is "${value}"`,
      );
    }
  });

  it("refuses a serve path or origin that is not one", () => {
    const found = problems({
      eventKey: "e",
      signingKey: "s",
      servePath: "api/inngest",
      serveOrigin: "studio.example.com",
    });
    expect(found).toHaveLength(2);
  });
});
