import { describe, expect, it } from "vitest";
import { FASHION_COLORS } from "./fashion-colors";
import { nearestColorName } from "./nearest-color-name";
import { parseColor } from "./parse-color";
import { isNeutralColor } from "./neutral";

describe("fashion color list", () => {
  it("has at least 300 distinct names", () => {
    const names = new Set(FASHION_COLORS.map((c) => c.name));
    expect(names.size).toBe(FASHION_COLORS.length);
    expect(names.size).toBeGreaterThanOrEqual(300);
  });

  it("recognises every name on it, as fashion colors", () => {
    for (const c of FASHION_COLORS) {
      const parsed = parseColor(c.name);
      expect(parsed, c.name).not.toBeNull();
      expect(parsed?.source).toBe("fashion");
      expect(parsed?.hex).toBe(c.hex.toLowerCase());
    }
  });

  it.each([
    "navy",
    "camel",
    "ecru",
    "oatmeal",
    "burgundy",
    "sage",
    "rust",
    "charcoal",
    "taupe",
    "mustard",
    "blush",
    "teal",
    "olive",
    "ivory",
    "khaki",
    "denim blue",
  ])("knows the staple %s", (name) => {
    expect(parseColor(name)?.name).toBe(name);
  });
});

describe("parseColor", () => {
  it("ignores case, spaces, hyphens and underscores", () => {
    const forms = ["Dusty Rose", "dusty-rose", "DUSTY_ROSE", "  dustyrose "];
    const hexes = forms.map((f) => parseColor(f)?.hex);
    expect(new Set(hexes)).toEqual(new Set(["#c48b8b"]));
  });

  it("treats grey and gray alike", () => {
    expect(parseColor("heather gray")?.hex).toBe(parseColor("heather grey")?.hex);
  });

  it("prefers the fashion meaning over the CSS keyword", () => {
    expect(parseColor("navy")?.hex).toBe("#1f2a44");
    expect(parseColor("navy")?.source).toBe("fashion");
  });

  it("accepts #rgb and #rrggbb in any case", () => {
    expect(parseColor("#ABC")).toMatchObject({ hex: "#aabbcc", source: "hex" });
    expect(parseColor("#1F2A44")).toMatchObject({ hex: "#1f2a44", source: "hex" });
    expect(parseColor("1f2a44")?.hex).toBe("#1f2a44");
  });

  it("accepts CSS functional syntax", () => {
    expect(parseColor("rgb(255, 0, 0)")?.hex).toBe("#ff0000");
    expect(parseColor("rgb(10 20 30)")?.hex).toBe("#0a141e");
    expect(parseColor("hsl(0 0% 100%)")?.hex).toBe("#ffffff");
    expect(parseColor("oklch(0.6 0.1 40)")?.source).toBe("css-syntax");
    expect(parseColor("lab(50% 20 -30)")).not.toBeNull();
  });

  it("accepts CSS names the fashion list lacks", () => {
    expect(parseColor("rebeccapurple")).toMatchObject({ hex: "#663399", source: "css" });
    expect(parseColor("papayawhip")?.source).toBe("css");
  });

  it("falls back to the color-name-list dataset", () => {
    const parsed = parseColor("Ocean Boat Blue");
    expect(parsed?.source).toBe("dataset");
    expect(parsed?.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("understands modifiers on known names", () => {
    const base = parseColor("terracotta");
    const light = parseColor("pale terracotta");
    expect(light?.source).toBe("modified");
    expect(light && base && light.oklch.l > base.oklch.l).toBe(true);
  });

  it("returns null for unrecognisable input", () => {
    for (const bad of ["example", "", "   ", "#12", "rgb(", "transparent", "not a color at all"]) {
      expect(parseColor(bad), bad).toBeNull();
    }
  });

  it("gives perceptual coordinates", () => {
    const white = parseColor("#ffffff");
    expect(white?.oklch.l).toBeCloseTo(1, 2);
    expect(white?.lab.l).toBeCloseTo(100, 0);
    const black = parseColor("#000000");
    expect(black?.oklch.l).toBeCloseTo(0, 2);
  });

  it("names non-fashion inputs by the nearest curated color", () => {
    expect(parseColor("#000080")?.name).toBe("navy");
    expect(parseColor("rgb(128, 0, 32)")?.name).toBe("burgundy");
  });

  it("parses well under a millisecond once warm", () => {
    parseColor("camel");
    const inputs = ["navy", "Dusty Rose", "#a0b1c2", "rgb(1 2 3)", "light sage", "example"];
    const start = performance.now();
    for (let i = 0; i < 6000; i++) parseColor(inputs[i % inputs.length] ?? "navy");
    const perCall = (performance.now() - start) / 6000;
    expect(perCall).toBeLessThan(0.2);
  });
});

describe("nearestColorName", () => {
  it.each([
    ["#000080", "navy"],
    ["#1f2a44", "navy"],
    ["#b98a56", "camel"],
    ["#ffffff", "optic white"],
    ["#101010", "black"],
    ["#c9a227", "mustard"],
  ])("%s → %s", (hex, name) => {
    expect(nearestColorName(hex)).toBe(name);
  });
});

describe("display names", () => {
  it("never names a color with a material or print word", () => {
    for (const name of ["linen", "leopard", "raw denim", "chambray", "leather brown"]) {
      const hex = parseColor(name)?.hex ?? "";
      expect(nearestColorName(hex), name).not.toBe(name);
    }
  });
});

describe("isNeutralColor", () => {
  it.each([
    "black",
    "white",
    "charcoal",
    "navy",
    "camel",
    "beige",
    "olive",
    "denim blue",
    "ecru",
    "taupe",
  ])("%s is a neutral", (name) => {
    const c = parseColor(name);
    expect(c && isNeutralColor(c.oklch)).toBe(true);
  });
  it.each(["red", "cobalt", "fuchsia", "mustard", "emerald", "lilac", "coral"])(
    "%s is a color",
    (name) => {
      const c = parseColor(name);
      expect(c && isNeutralColor(c.oklch)).toBe(false);
    },
  );
});
