import { describe, expect, it } from "vitest";
import { LengthKey, MaterialKey, PatternKey } from "@garment/schemas";
import { normalizeLength } from "./lengths";
import { MATERIALS, normalizeMaterial } from "./materials";
import { PATTERNS, normalizePattern } from "./patterns";
import { SPEC_VOCABULARY } from "./spec-vocabulary";

describe("normalizeMaterial", () => {
  it.each([
    ["100% merino wool", "wool"],
    ["jean", "denim"],
    ["Stretch denim", "denim"],
    ["faux leather", "leather"],
    ["pleather", "leather"],
    ["vegan leather", "leather"],
    ["cotton jersey", "jersey"],
    ["silk satin", "satin"],
    ["Bouclé", "boucle"],
    ["brushed mohair", "mohair"],
    ["sherpa", "fleece"],
    ["harris tweed", "tweed"],
    ["needlecord", "corduroy"],
    ["cashmere blend", "cashmere"],
    ["ripstop nylon", "nylon"],
    ["waxed canvas", "canvas"],
    ["sequinned", "sequin"],
    ["linen blend", "linen"],
    ["georgette", "chiffon"],
    ["chunky cable knit", "knit"],
    ["nubuck", "suede"],
    ["velour", "velvet"],
    ["cotton poplin", "cotton"],
  ])("%s → %s", (text, key) => {
    expect(normalizeMaterial(text)).toEqual({ key, recognized: true });
  });

  it("falls back to cotton, flagged as unrecognised", () => {
    expect(normalizeMaterial("unobtainium")).toEqual({ key: "cotton", recognized: false });
  });

  it("does not match inside other words", () => {
    expect(normalizeMaterial("crinoline").recognized).toBe(false);
    expect(normalizeMaterial("button down oxford").key).toBe("cotton");
  });

  it("describes every material key", () => {
    expect(Object.keys(MATERIALS).sort()).toEqual([...MaterialKey.options].sort());
  });
});

describe("normalizePattern", () => {
  it.each([
    ["breton stripe", "stripes"],
    ["leopard", "animal"],
    ["tartan", "plaid"],
    ["dots", "polka_dot"],
    ["plain", "solid"],
    ["Buffalo check", "plaid"],
    ["glen check", "check"],
    ["dogtooth", "houndstooth"],
    ["chalk stripe", "pinstripe"],
    ["ditsy floral print", "floral"],
    ["bandana", "paisley"],
    ["camo", "camouflage"],
    ["Fair Isle", "geometric"],
    ["tie-dye", "tie_dye"],
    ["colour-block", "color_block"],
    ["graphic print", "abstract"],
    ["gingham", "gingham"],
    ["herringbone", "herringbone"],
  ])("%s → %s", (text, key) => {
    expect(normalizePattern(text)).toEqual({ key, recognized: true });
  });

  it("treats unknown text as solid, flagged", () => {
    expect(normalizePattern("squiggles of destiny")).toEqual({ key: "solid", recognized: false });
  });

  it("marks stripes as neutral-like and florals as hero prints", () => {
    expect(PATTERNS.stripes.behavesAsNeutral).toBe(true);
    expect(PATTERNS.floral.hero).toBe(true);
    expect(PATTERNS.pinstripe.scale).toBe("small");
    expect(PATTERNS.solid.scale).toBe("none");
    expect(Object.keys(PATTERNS).sort()).toEqual([...PatternKey.options].sort());
  });
});

describe("normalizeLength", () => {
  it.each([
    ["mid-calf", "midi"],
    ["Floor length", "maxi"],
    ["crop", "cropped"],
    ["knee-length", "knee"],
    ["ankle grazing", "ankle"],
    ["longline", "tunic"],
    ["mini", "mini"],
    ["full length", "full"],
  ])("%s → %s", (text, key) => {
    expect(normalizeLength(text)).toBe(key);
  });

  it("resolves 'long' by slot", () => {
    expect(normalizeLength("long", "top")).toBe("tunic");
    expect(normalizeLength("long", "one_piece")).toBe("maxi");
    expect(normalizeLength("long", "bottom")).toBe("full");
  });

  it("is null when no length is named", () => {
    expect(normalizeLength("whatever")).toBeNull();
  });
});

describe("SPEC_VOCABULARY", () => {
  it("lists every key with a description", () => {
    expect(SPEC_VOCABULARY.materials.map((m) => m.value).sort()).toEqual(
      [...MaterialKey.options].sort(),
    );
    expect(SPEC_VOCABULARY.patterns.map((m) => m.value).sort()).toEqual(
      [...PatternKey.options].sort(),
    );
    expect(SPEC_VOCABULARY.lengths.map((m) => m.value).sort()).toEqual(
      [...LengthKey.options].sort(),
    );
    expect(SPEC_VOCABULARY.fits.map((f) => f.value)).toEqual(["slim", "regular", "loose"]);
    for (const list of Object.values(SPEC_VOCABULARY)) {
      for (const entry of list) expect(entry.description.length).toBeGreaterThan(10);
    }
  });
});
