import { describe, expect, it } from "vitest";
import { MaterialKey, PatternKey } from "@garment/schemas";
import { parseColor } from "../color/parse-color";
import { PILOT_BRANDS, findPilotBrand } from "./pilot-brands";

describe("PILOT_BRANDS", () => {
  it("has at least four guides with unique ULIDs and slugs", () => {
    expect(PILOT_BRANDS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(PILOT_BRANDS.map((b) => b.publicId)).size).toBe(PILOT_BRANDS.length);
    expect(new Set(PILOT_BRANDS.map((b) => b.slug)).size).toBe(PILOT_BRANDS.length);
    for (const b of PILOT_BRANDS) {
      expect(b.publicId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(b.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("only names colors, materials and patterns the engine understands", () => {
    for (const b of PILOT_BRANDS) {
      for (const c of [...b.palette, ...b.avoidColors, ...b.forbidColors])
        expect(parseColor(c), `${b.slug}: ${c}`).not.toBeNull();
      for (const m of [...b.preferMaterials, ...b.avoidMaterials, ...b.forbidMaterials])
        expect(MaterialKey.options).toContain(m);
      for (const p of [...b.preferPatterns, ...b.forbidPatterns])
        expect(PatternKey.options).toContain(p);
    }
  });

  it("includes a minimalist guide that forbids prints", () => {
    expect(PILOT_BRANDS.some((b) => b.forbidPrints)).toBe(true);
  });

  it("finds a brand by slug, case-insensitively", () => {
    expect(findPilotBrand("Nord-Atelier")?.name).toBe("Nord Atelier");
    expect(findPilotBrand("unknown")).toBeUndefined();
  });
});
