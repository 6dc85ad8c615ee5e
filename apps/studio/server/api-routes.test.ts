import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiHandlerFor } from "./api-routes";

const APP_DIR = path.join(import.meta.dirname, "../app");

/** A URL path that each app/**\/route.ts answers (route groups dropped, dynamic segments filled). */
function nextRoutePaths(): string[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .map((segment) => (/^\[.*\]$/.test(segment) ? "something" : segment));
      return `/${segments.join("/")}`;
    });
}

describe("the front door's API routes", () => {
  it("are exactly Next's route handlers: every app/**/route.ts path is served by the front door", () => {
    const paths = nextRoutePaths();
    expect(paths).toEqual(
      expect.arrayContaining(["/v1/something", "/api/trpc/something", "/api/inngest", "/metrics"]),
    );
    for (const routePath of paths) expect(apiHandlerFor(routePath), routePath).not.toBeNull();
  });

  it("leave the Studio's pages, actions and assets to Next", () => {
    for (const studioPath of [
      "/",
      "/generate",
      "/jobs/01JOB",
      "/sign-in",
      "/docs/api",
      "/_next/static/chunks/main.js",
      "/favicon.ico",
      "/v1",
      "/api",
      "/api/other",
      "/api/trpc",
      "/metrics/extra",
    ]) {
      expect(apiHandlerFor(studioPath), studioPath).toBeNull();
    }
  });
});
