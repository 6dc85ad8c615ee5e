import { GARMENT_CATEGORIES, planComplement } from "@garment/styling";
import { createBuiltinModel, evaluateRender } from "@garment/imaging";
import { describe, expect, it } from "vitest";

// The contract between the styling engine, the built-in model and the evaluation: a valid plan
// rendered by the built-in model passes its own evaluation. A failure here costs a client a
// refund and a stylist a re-render, so every product category is covered across many seeds.
const COLORS = [
  "navy",
  "camel",
  "butter yellow",
  "sage",
  "black",
  "ivory",
  "burgundy",
  "blush",
  "rust",
  "charcoal",
];
const PATTERNS = ["solid", "breton stripe", "gingham", "floral", "leopard"];
const MATERIALS = ["cotton", "wool", "denim", "silk", "leather", "linen"];

describe("built-in renders of planned complements pass the evaluation", () => {
  const model = createBuiltinModel();
  const cases = GARMENT_CATEGORIES.flatMap((category, i) =>
    [0, 1, 2].map((k) => ({
      categoryId: category.publicId,
      name: category.name,
      color: COLORS[(i + k * 3) % COLORS.length] ?? "navy",
      pattern: PATTERNS[(i + k) % PATTERNS.length] ?? "solid",
      material: MATERIALS[(i * 2 + k) % MATERIALS.length] ?? "cotton",
      seed: 1000 + i * 7 + k,
    })),
  );

  // The load test's traffic: slim cotton T-shirts in four colors, seeds 0–199.
  const tShirts = Array.from({ length: 200 }, (_, seed) => ({
    categoryId: "01KDVDNA00ZKRRMS30Q0DXB47N",
    name: "T-shirt",
    color: ["navy", "camel", "burgundy", "sage"][seed % 4] ?? "navy",
    pattern: "solid",
    material: "cotton",
    seed,
  }));

  it.each([...cases, ...tShirts])(
    "$name in $color $pattern $material (seed $seed)",
    async ({ categoryId, color, pattern, material, seed }) => {
      const plan = planComplement(
        { categoryId, color, material, pattern, fit: "slim", length: "hip" },
        { seed },
      );
      const image = await model.render({
        garment: plan.complement,
        prompt: "",
        seed,
        width: 512,
        height: 512,
      });
      const evaluation = await evaluateRender(
        {
          garment: plan.complement,
          productColorHex: plan.product.colorHex,
          width: 512,
          height: 512,
        },
        image.bytes,
      );
      const failed = evaluation.checks
        .filter((c) => !c.passed)
        .map((c) => `${c.name}: ${c.detail}`);
      expect(failed, `${plan.displayName}`).toEqual([]);
    },
  );
});
