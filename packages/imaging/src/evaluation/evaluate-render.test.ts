import { MaterialKey, PatternKey, Silhouette } from "@garment/schemas";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createBuiltinModel } from "../builtin/builtin-model";
import { aGarment } from "../test/garment-fixture";
import { deltaE2000 } from "../color";
import { checkHarmony } from "./checks";
import { evaluateRender } from "./evaluate-render";

const model = createBuiltinModel();
const SIZE = 384;
const PRODUCT = "#7a3e9d";

/** Colours that are hard for segmentation or colour matching, by name. */
const COLORS: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  navy: "#1f2a44",
  beige: "#d8c8a8",
  ivory: "#fffff0",
  "pastel pink": "#f4c2c2",
  "pastel blue": "#aec6cf",
  "neon green": "#39ff14",
  "neon pink": "#ff6ec7",
  red: "#c0392b",
  olive: "#708238",
  charcoal: "#36454f",
  camel: "#c19a6b",
  mustard: "#e1ad01",
};

async function renderOf(
  garment: ReturnType<typeof aGarment>,
  seed = 3,
  width = SIZE,
  height = SIZE,
) {
  const { bytes } = await model.render({ garment, prompt: "", seed, width, height });
  return bytes;
}

async function solidImage(width: number, height: number, color: string) {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toBuffer(),
  );
}

describe("evaluateRender on the built-in model's renders", () => {
  const cases = Object.entries(COLORS).map(([name, hex], i) => {
    const silhouette = Silhouette.options[(i * 5) % Silhouette.options.length] ?? "t_shirt";
    const pattern =
      i % 2 === 0 ? "solid" : (PatternKey.options[(i * 3) % PatternKey.options.length] ?? "solid");
    const material = MaterialKey.options[(i * 7) % MaterialKey.options.length] ?? "cotton";
    return { name, garment: aGarment({ colorHex: hex, silhouette, pattern, material }) };
  });

  it.each(cases)(
    "passes a valid $name render ($garment.silhouette, $garment.pattern, $garment.material)",
    async ({ garment }) => {
      const evaluation = await evaluateRender(
        { garment, productColorHex: PRODUCT, width: SIZE, height: SIZE },
        await renderOf(garment),
      );
      const failed = evaluation.checks
        .filter((c) => !c.passed)
        .map((c) => `${c.name}: ${c.detail}`);
      expect(failed).toEqual([]);
      expect(evaluation.passed).toBe(true);
      expect(evaluation.score).toBeGreaterThan(0.8);
      expect(evaluation.deltaE).toBeLessThan(12);
    },
  );

  it("passes every silhouette in a mid-tone solid colour, at a wide aspect ratio", async () => {
    for (const silhouette of Silhouette.options) {
      const garment = aGarment({ silhouette, colorHex: "#2f6b4f" });
      const evaluation = await evaluateRender(
        { garment, productColorHex: PRODUCT, width: 420, height: 180 },
        await renderOf(garment, 1, 420, 180),
      );
      expect(
        evaluation.checks
          .filter((c) => !c.passed)
          .map((c) => `${silhouette} ${c.name}: ${c.detail}`),
      ).toEqual([]);
    }
  });

  it("returns the checks by name with scores in 0..1", async () => {
    const garment = aGarment();
    const evaluation = await evaluateRender(
      { garment, productColorHex: PRODUCT, width: SIZE, height: SIZE },
      await renderOf(garment),
    );
    expect(evaluation.checks.map((c) => c.name)).toEqual([
      "dimensions",
      "not_blank",
      "coverage",
      "dominant_color",
      "harmony",
      "clean_background",
      "silhouette",
    ]);
    for (const c of evaluation.checks) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(evaluation.dominantColorHex).toMatch(/^#[0-9a-f]{6}$/);
  });
});

const ECHOED_PRODUCT = "#a3ad8d";

/** Slate-blue linen shorts whose stripes were planned in the product's sage. */
const ECHOED_STRIPES = {
  silhouette: "shorts",
  colorHex: "#5f6f8f",
  colorName: "slate blue",
  pattern: "stripes",
  material: "linen",
  fit: "loose",
  length: "knee",
} as const;

/**
 * A render of the echoed stripes in which the sage accent, not the slate-blue main colour, is
 * the largest colour the evaluation sees (stripes are near 50/50, so the seed decides).
 */
async function stripesDominatedByTheirAccent() {
  const garment = aGarment({ ...ECHOED_STRIPES, accentColorHex: ECHOED_PRODUCT });
  const target = { garment, productColorHex: ECHOED_PRODUCT, width: 384, height: 384 };
  for (let seed = 1; seed <= 40; seed++) {
    const image = await renderOf(garment, seed);
    const evaluation = await evaluateRender(target, image);
    const dominant = evaluation.dominantColorHex;
    if (dominant && deltaE2000(dominant, ECHOED_PRODUCT) < 8) return { evaluation, image };
  }
  throw new Error("no seed in 1..40 renders these stripes with the accent dominant");
}

describe("evaluateRender judges what the plan asked for", () => {
  it.each([
    { name: "butter yellow", colorHex: "#f3e29a" },
    { name: "ecru", colorHex: "#e6dcc3" },
    { name: "ivory", colorHex: "#fffff0" },
  ])(
    "passes a pale solid $name garment as not blank (it differs from the ground in hue and chroma)",
    async ({ name, colorHex }) => {
      const garment = aGarment({
        silhouette: "jeans",
        colorHex,
        colorName: name,
        material: "denim",
        fit: "loose",
        length: "full",
      });
      const evaluation = await evaluateRender(
        { garment, productColorHex: "#b98a56", width: 512, height: 512 },
        await renderOf(garment, 101, 512, 512),
      );
      expect(evaluation.checks.find((c) => c.name === "not_blank")).toMatchObject({
        passed: true,
      });
      expect(evaluation.passed).toBe(true);
    },
  );

  it("accepts a stripe colour deliberately taken from the product (a planned echo, not a clash)", async () => {
    const { evaluation, image } = await stripesDominatedByTheirAccent();
    const harmony = evaluation.checks.find((c) => c.name === "harmony");
    expect(harmony?.detail).toContain("planned stripes accent");
    expect(harmony?.passed).toBe(true);
    expect(evaluation.passed).toBe(true);
    // The same pixels, judged against a plan whose accent was not the product's: a clash.
    const unplanned = await evaluateRender(
      {
        garment: aGarment({ ...ECHOED_STRIPES, accentColorHex: "#f3efe6" }),
        productColorHex: ECHOED_PRODUCT,
        width: 384,
        height: 384,
      },
      image,
    );
    expect(unplanned.checks.find((c) => c.name === "harmony")?.passed).toBe(false);
  });

  it("checks harmony against the planned colours only", () => {
    const garment = aGarment({ ...ECHOED_STRIPES, accentColorHex: ECHOED_PRODUCT });
    const target = { garment, productColorHex: ECHOED_PRODUCT, width: 384, height: 384 };
    expect(checkHarmony(target, "#a1ab8b").passed).toBe(true);
    expect(checkHarmony(target, "#5f6f8f").passed).toBe(true);
    // Near the product but far from the planned accent (a different green): not planned.
    const otherAccent = { ...target, garment: { ...garment, accentColorHex: "#f3efe6" } };
    expect(checkHarmony(otherAccent, "#a1ab8b").passed).toBe(false);
    expect(checkHarmony(target, null).passed).toBe(false);
  });
});

describe("evaluateRender rejects wrong images", () => {
  const garment = aGarment({ silhouette: "sweater", colorHex: "#1f2a44" });
  const target = { garment, productColorHex: PRODUCT, width: SIZE, height: SIZE };

  it("fails a blank image", async () => {
    const evaluation = await evaluateRender(target, await solidImage(SIZE, SIZE, "#f3f1ed"));
    expect(evaluation.passed).toBe(false);
    expect(evaluation.checks.find((c) => c.name === "not_blank")?.passed).toBe(false);
    expect(evaluation.score).toBeLessThan(0.6);
  });

  it("fails a render in the wrong colour", async () => {
    const red = await renderOf(aGarment({ silhouette: "sweater", colorHex: "#c0392b" }));
    const evaluation = await evaluateRender(target, red);
    expect(evaluation.passed).toBe(false);
    expect(evaluation.checks.find((c) => c.name === "dominant_color")?.passed).toBe(false);
    expect(evaluation.deltaE).toBeGreaterThan(20);
  });

  it("fails a render of the wrong size", async () => {
    const evaluation = await evaluateRender(target, await renderOf(garment, 3, SIZE, SIZE / 2));
    expect(evaluation.passed).toBe(false);
    expect(evaluation.checks.find((c) => c.name === "dimensions")).toMatchObject({
      passed: false,
      score: 0,
    });
  });

  it("fails a garment filling the whole frame (no background)", async () => {
    const evaluation = await evaluateRender(target, await solidImage(SIZE, SIZE, "#1f2a44"));
    expect(evaluation.passed).toBe(false);
    expect(evaluation.checks.find((c) => c.name === "clean_background")?.passed).toBe(false);
  });

  it("fails a zoomed-in crop where the garment runs off the frame", async () => {
    const full = await renderOf(garment, 3, SIZE * 3, SIZE * 3);
    const crop = await sharp(full)
      .extract({ left: SIZE, top: SIZE, width: SIZE, height: SIZE })
      .png()
      .toBuffer();
    const evaluation = await evaluateRender(target, new Uint8Array(crop));
    expect(evaluation.passed).toBe(false);
  });

  it("fails an unplanned near-identical clash with the product colour, but accepts a planned tonal look", async () => {
    const image = await renderOf(garment);
    const clash = await evaluateRender({ ...target, productColorHex: "#233049" }, image);
    // The plan itself is ΔE < 8 from this product: a tonal look was planned, so it passes.
    expect(clash.checks.find((c) => c.name === "harmony")?.passed).toBe(true);
    const planned = aGarment({ silhouette: "sweater", colorHex: "#c0392b" });
    const collapsed = await evaluateRender(
      { garment: planned, productColorHex: "#1f2a44", width: SIZE, height: SIZE },
      image,
    );
    expect(collapsed.checks.find((c) => c.name === "harmony")?.passed).toBe(false);
  });

  it("fails a near-blank image: a faint shape barely off the background", async () => {
    const faint = await sharp({
      create: { width: SIZE, height: SIZE, channels: 3, background: "#f3f1ed" },
    })
      .composite([
        {
          input: await sharp({
            create: { width: SIZE / 2, height: SIZE / 2, channels: 3, background: "#f0eeea" },
          })
            .png()
            .toBuffer(),
          left: SIZE / 4,
          top: SIZE / 4,
        },
      ])
      .png()
      .toBuffer();
    const evaluation = await evaluateRender(target, new Uint8Array(faint));
    expect(evaluation.checks.find((c) => c.name === "not_blank")?.passed).toBe(false);
    expect(evaluation.passed).toBe(false);
  });

  it("fails bytes that are not an image, without throwing", async () => {
    const evaluation = await evaluateRender(target, new TextEncoder().encode("not an image"));
    expect(evaluation).toMatchObject({ passed: false, score: 0, dominantColorHex: null });
    expect(evaluation.checks[0]?.name).toBe("decodable");
  });

  it("evaluates JPEG and WebP output of other models", async () => {
    const png = await renderOf(garment);
    for (const format of ["jpeg", "webp"] as const) {
      const converted = new Uint8Array(
        await sharp(png).toFormat(format, { quality: 80 }).toBuffer(),
      );
      const evaluation = await evaluateRender(target, converted);
      expect(evaluation.passed, format).toBe(true);
    }
  });
});
