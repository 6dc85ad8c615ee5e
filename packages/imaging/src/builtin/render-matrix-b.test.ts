import { MaterialKey, PatternKey, Silhouette } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { aGarment } from "../test/garment-fixture";
import { pngSize } from "../test/png";
import { createBuiltinModel } from "./builtin-model";

/**
 * Every pattern × every material at 0.5K (512×512), the silhouette cycling through all 33 so each
 * silhouette meets many patterns and materials. Split in two files so both cores share the work.
 */
const patterns = PatternKey.options.slice(9);
const model = createBuiltinModel();

describe(`render matrix (last 8 patterns) × all ${MaterialKey.options.length} materials at 0.5K`, () => {
  it.each(patterns)(
    "pattern %s renders with every material, exact size, non-trivial PNG",
    async (pattern) => {
      const offset = PatternKey.options.indexOf(pattern) * MaterialKey.options.length;
      for (const [i, material] of MaterialKey.options.entries()) {
        const silhouette =
          Silhouette.options[(offset + i) % Silhouette.options.length] ?? "t_shirt";
        const result = await model.render({
          garment: aGarment({ silhouette, pattern, material }),
          prompt: "",
          seed: offset + i,
          width: 512,
          height: 512,
        });
        expect(pngSize(result.bytes), `${silhouette}/${pattern}/${material}`).toEqual({
          width: 512,
          height: 512,
        });
        expect(result.bytes.length).toBeGreaterThan(10_000);
      }
    },
  );
});
