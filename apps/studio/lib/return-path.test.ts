import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

// Attack: an open redirect after sign-in. `/sign-in?next=//evil.example` sent a signed-in
// stylist off-site (the page checked only for a leading "/"), and `/\evil.example` passed the
// form's check too.

describe("safeReturnPath", () => {
  it.each([
    "/generate",
    "/jobs/01KDVDNA00ZKRRMS30Q0DXB47N",
    "/history?status=SUCCESS&page=2",
    "/catalog#top",
    "/account/keys/",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/generate"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["a slash and a backslash", "/\\/evil.example"],
    ["a tab the URL parser drops", "/\t/evil.example"],
    ["a newline the URL parser drops", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["an absolute URL", "https://evil.example/generate"],
    ["an absolute URL on our own scheme-less host", "http:/evil.example"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: with a leading space", " javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path without a slash", "generate"],
    ["a leading space", " /generate"],
    ["empty", ""],
    ["far too long", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_what, value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  it("refuses what is not a string (a repeated query parameter, a file field)", () => {
    expect(safeReturnPath(["/generate", "//evil.example"])).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(undefined)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(null, "/history")).toBe("/history");
  });

  it("returns the path as the browser will read it, dot segments resolved", () => {
    expect(safeReturnPath("/jobs/../history")).toBe("/history");
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it.each(["/..//evil.example", "/.//evil.example", "/a/../..//evil.example"])(
    "refuses dot segments that rebuild a host: %s",
    (value) => {
      expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
    },
  );
});
