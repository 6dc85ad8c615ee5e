import { Silhouette, type Fit, type LengthKey } from "@garment/schemas";
import { describe, expect, it } from "vitest";
import { createBuiltinModel } from "../builtin/builtin-model";
import { SILHOUETTE_CUTS } from "../builtin/silhouettes/cuts";
import { aGarment } from "../test/garment-fixture";
import { evaluateRender } from "./evaluate-render";
import { referenceCuts } from "./reference-cuts";
import { silhouetteDistance } from "./silhouette-features";

const model = createBuiltinModel();

async function silhouetteCheck(
  drawn: { silhouette: Silhouette; fit: Fit; length: LengthKey | null },
  planned: { fit: Fit; length: LengthKey | null },
  colorHex = "#2d5c8f",
) {
  const garment = aGarment({ ...drawn, colorHex });
  const { bytes } = await model.render({ garment, prompt: "", seed: 5, width: 512, height: 640 });
  const evaluation = await evaluateRender(
    { garment: { ...garment, ...planned }, productColorHex: "#777777", width: 512, height: 640 },
    bytes,
  );
  const check = evaluation.checks.find((c) => c.name === "silhouette");
  if (!check) throw new Error("no silhouette check");
  return { check, evaluation };
}

describe("the silhouette check holds renders to the planned fit and length", () => {
  it.each([
    // The examples: the render contradicts the plan, so it fails.
    [
      { silhouette: "jeans", fit: "slim", length: "cropped" },
      { fit: "loose", length: "full" },
    ],
    [
      { silhouette: "tank_top", fit: "regular", length: "tunic" },
      { fit: "slim", length: "cropped" },
    ],
    [
      { silhouette: "skirt_a_line", fit: "regular", length: "maxi" },
      { fit: "regular", length: "mini" },
    ],
    [
      { silhouette: "dress", fit: "regular", length: "mini" },
      { fit: "regular", length: "maxi" },
    ],
    [
      { silhouette: "trousers", fit: "loose", length: "full" },
      { fit: "slim", length: "full" },
    ],
    [
      { silhouette: "wool_coat", fit: "regular", length: "hip" },
      { fit: "regular", length: "maxi" },
    ],
    [
      { silhouette: "t_shirt", fit: "loose", length: "cropped" },
      { fit: "slim", length: "tunic" },
    ],
  ] as const)("fails %o planned as %o", async (drawn, planned) => {
    const { check, evaluation } = await silhouetteCheck(drawn, planned);
    expect(check.passed, check.detail).toBe(false);
    expect(evaluation.passed).toBe(false);
    expect(check.detail).toMatch(/reads closer to/);
  });

  it("passes the honest render and says it reads as planned", async () => {
    const cut = { fit: "loose", length: "full" } as const;
    const { check } = await silhouetteCheck({ silhouette: "jeans", ...cut }, cut);
    expect(check.passed).toBe(true);
    expect(check.detail).toMatch(/width\/height .* hem at .*reads as the planned loose full/);
  });

  it("leaves shoes and accessories alone: they have no fit or length", async () => {
    const { check } = await silhouetteCheck(
      { silhouette: "loafers", fit: "regular", length: null },
      { fit: "regular", length: null },
    );
    expect(check).toMatchObject({ passed: true, score: 1 });
  });
});

describe("the built-in model draws every cut of a silhouette differently", () => {
  const withCuts = Silhouette.options.filter((s) => SILHOUETTE_CUTS[s].lengths.length > 0);

  it.each(withCuts)("%s: each fit × length has its own proportions", async (silhouette) => {
    const { fits, lengths } = SILHOUETTE_CUTS[silhouette];
    const refs = await referenceCuts(silhouette, {
      fit: fits[0] ?? "regular",
      length: lengths[0] ?? null,
    });
    expect(refs.length).toBe(fits.length * lengths.length);
    for (const [i, a] of refs.entries())
      for (const b of refs.slice(i + 1)) {
        const d = silhouetteDistance(a.features, b.features);
        // Neighbouring cuts (slim/regular, cropped/waist) differ least; every pair still shows.
        expect(d, `${a.fit} ${a.length} vs ${b.fit} ${b.length}`).toBeGreaterThan(0.02);
        if (a.length !== b.length && a.fit === b.fit) {
          // The longer cut reaches lower: taller for its width, or (under long sleeves that
          // hang past both hems) a body that ends further down the centre line.
          const [short, long] =
            lengths.indexOf(a.length as LengthKey) < lengths.indexOf(b.length as LengthKey)
              ? [a, b]
              : [b, a];
          expect(
            long.features.widthToHeight < short.features.widthToHeight ||
              long.features.centreDepth > short.features.centreDepth,
            `${short.length} → ${long.length} (${a.fit})`,
          ).toBe(true);
        } else if (a.length === b.length) {
          // The looser cut is wider for its height at the same length.
          const order = ["slim", "regular", "loose"];
          const [tight, easy] = order.indexOf(a.fit) < order.indexOf(b.fit) ? [a, b] : [b, a];
          expect(easy.features.widthToHeight).toBeGreaterThan(tight.features.widthToHeight);
        }
      }
  });

  it("renders of every cut pass their own plan (a sample of colours and seeds)", async () => {
    const colors = ["#1f3a68", "#f3efe6", "#c2452d", "#151515", "#e8b4b8"];
    const failures: string[] = [];
    let n = 0;
    for (const silhouette of withCuts) {
      const { fits, lengths } = SILHOUETTE_CUTS[silhouette];
      for (const fit of fits)
        for (const length of lengths) {
          const colorHex = colors[n % colors.length] ?? "#1f3a68";
          n++;
          const { check } = await silhouetteCheck(
            { silhouette, fit, length },
            { fit, length },
            colorHex,
          );
          if (!check.passed) failures.push(`${silhouette} ${fit} ${length}: ${check.detail}`);
        }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
