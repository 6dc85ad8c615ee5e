import { MaterialKey, PatternKey, Silhouette } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { createBuiltinModel } from "../builtin/builtin-model";
import { aGarment } from "./garment-fixture";
import { pngSize } from "./png";

/**
 * Every given pattern × every material at 0.5K (512×512), the silhouette cycling through all 33
 * so each silhouette meets many patterns and materials. The patterns are split across two test
 * files so both cores share the work.
 */
export function renderMatrixSuite(patterns: readonly PatternKey[], label: string) {
  const model = createBuiltinModel();
  describe(`render matrix (${label}) × all ${MaterialKey.options.length} materials at 0.5K`, () => {
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
      // 22 renders per test: generous, so a loaded machine does not fail it on time alone.
      120_000,
    );
  });
}
