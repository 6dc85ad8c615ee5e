import { PatternKey, Silhouette } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { aGarment } from "../test/garment-fixture";
import { pngSize } from "../test/png";
import { createBuiltinModel } from "./builtin-model";

const model = createBuiltinModel();

describe(`every silhouette (${Silhouette.options.length}) × every pattern (${PatternKey.options.length}) at 160×160`, () => {
  it.each(Silhouette.options)("%s renders with all patterns", async (silhouette) => {
    for (const [i, pattern] of PatternKey.options.entries()) {
      const result = await model.render({
        garment: aGarment({
          silhouette,
          pattern,
          material: "cotton",
          fit: (["slim", "regular", "loose"] as const)[i % 3],
        }),
        prompt: "",
        seed: i,
        width: 160,
        height: 160,
      });
      expect(pngSize(result.bytes)).toEqual({ width: 160, height: 160 });
    }
  });
});
