import { AspectRatio, renderDimensions, type Resolution } from "@garment/schemas";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageModelError } from "../errors";
import { aGarment } from "../test/garment-fixture";
import { pngSize } from "../test/png";
import { BUILTIN_MODEL_ID, createBuiltinModel } from "./builtin-model";

const model = createBuiltinModel();
const render = (
  overrides: { seed?: number; width?: number; height?: number } = {},
  garment = aGarment(),
) =>
  model.render({
    garment,
    prompt: "",
    seed: overrides.seed ?? 42,
    width: overrides.width ?? 256,
    height: overrides.height ?? 256,
  });

describe("builtin-flatlay model", () => {
  it("describes itself as the always-available, deterministic built-in model", () => {
    expect(model.id).toBe(BUILTIN_MODEL_ID);
    expect(model.kind).toBe("builtin");
    expect(model.isAvailable()).toBe(true);
    expect(model.capabilities.deterministicSeed).toBe(true);
    expect(model.capabilities.aspectRatios).toEqual(AspectRatio.options);
  });

  it.each(AspectRatio.options)(
    "renders exactly the promised pixel size at 0.5K and 1K for %s",
    async (ratio) => {
      for (const resolution of ["0.5K", "1K"] as const) {
        const { width, height } = renderDimensions(resolution, ratio);
        const result = await render(
          { width, height },
          aGarment({ silhouette: "dress", pattern: "stripes" }),
        );
        expect(result).toMatchObject({
          width,
          height,
          contentType: "image/png",
          modelId: BUILTIN_MODEL_ID,
        });
        expect(pngSize(result.bytes)).toEqual({ width, height });
      }
    },
  );

  it.each([
    ["2K", "21:9"],
    ["2K", "2:3"],
    ["4K", "9:16"],
  ] as [Resolution, AspectRatio][])(
    "renders exactly the promised pixel size at %s %s",
    async (resolution, ratio) => {
      const { width, height } = renderDimensions(resolution, ratio);
      const result = await render(
        { width, height },
        aGarment({ silhouette: "trench_coat", material: "canvas" }),
      );
      const metadata = await sharp(result.bytes).metadata();
      expect([metadata.width, metadata.height, metadata.format]).toEqual([width, height, "png"]);
    },
  );

  it("gives identical bytes for identical inputs", async () => {
    const garment = aGarment({ silhouette: "blazer", pattern: "houndstooth", material: "tweed" });
    const first = await render({ seed: 7 }, garment);
    const second = await render({ seed: 7 }, garment);
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it("gives different bytes for different seeds", async () => {
    const garment = aGarment({ silhouette: "shirt", pattern: "floral", material: "linen" });
    const renders = await Promise.all([1, 2, 3].map((seed) => render({ seed }, garment)));
    const distinct = new Set(renders.map((r) => Buffer.from(r.bytes).toString("base64")));
    expect(distinct.size).toBe(3);
  });

  it("draws fit and length: a loose garment is wider, a maxi skirt taller than a mini", async () => {
    const coverage = async (overrides: Parameters<typeof aGarment>[0]) => {
      const { bytes } = await render(
        { width: 400, height: 400 },
        aGarment({ colorHex: "#202020", ...overrides }),
      );
      const { data, info } = await sharp(bytes)
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let minX = info.width,
        maxX = 0,
        minY = info.height,
        maxY = 0;
      for (let y = 0; y < info.height; y++)
        for (let x = 0; x < info.width; x++)
          if ((data[(y * info.width + x) * 3] ?? 255) < 90) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
      return (maxX - minX) / (maxY - minY);
    };
    expect(await coverage({ silhouette: "sweater", fit: "loose" })).toBeGreaterThan(
      await coverage({ silhouette: "sweater", fit: "slim" }),
    );
    expect(await coverage({ silhouette: "skirt_a_line", length: "mini" })).toBeGreaterThan(
      await coverage({ silhouette: "skirt_a_line", length: "maxi" }),
    );
    expect(await coverage({ silhouette: "t_shirt", length: "cropped" })).toBeGreaterThan(
      await coverage({ silhouette: "t_shirt", length: "tunic" }),
    );
  });

  it("rejects sizes and seeds it cannot draw as a non-retriable bad_request", async () => {
    await expect(render({ width: 0 })).rejects.toMatchObject({
      code: "bad_request",
      retriable: false,
    });
    await expect(render({ width: 5000 })).rejects.toBeInstanceOf(ImageModelError);
    await expect(render({ seed: -1 })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("stops before drawing when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      model.render(
        { garment: aGarment(), prompt: "", seed: 1, width: 64, height: 64 },
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(ImageModelError);
  });
});
