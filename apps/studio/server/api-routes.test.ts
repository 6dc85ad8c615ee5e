import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRouteFor } from "./api-routes";

const APP_DIR = path.join(import.meta.dirname, "../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Each app/**\/route.ts: a URL path it answers (dynamic segments filled) and its methods. */
function nextRoutes(): { path: string; methods: string[] }[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .map((segment) => (/^\[.*\]$/.test(segment) ? "something" : segment));
      const source = readFileSync(path.join(APP_DIR, file), "utf8");
      // `export const GET = …` or `export { handle as GET, … }`.
      const methods = METHODS.filter((method) =>
        new RegExp(`export const ${method}\\b|\\bas ${method}\\b`).test(source),
      );
      return { path: `/${segments.join("/")}`, methods };
    });
}

describe("the front door's API routes", () => {
  it("are exactly Next's route handlers: every app/**/route.ts path, with the same methods", () => {
    const routes = nextRoutes();
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(["/v1/something", "/api/trpc/something", "/api/inngest", "/metrics"]),
    );
    for (const route of routes) {
      expect(route.methods.length, route.path).toBeGreaterThan(0);
      expect(apiRouteFor(route.path)?.methods, route.path).toEqual(route.methods);
    }
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
      "/toString",
      "/constructor",
    ]) {
      expect(apiRouteFor(studioPath), studioPath).toBeNull();
    }
  });
});
