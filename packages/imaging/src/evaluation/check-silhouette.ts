import type { LengthKey } from "@garment/schemas";
import { SILHOUETTE_CUTS } from "../builtin/silhouettes/cuts";
import { referenceCuts, type ReferenceCut } from "./reference-cuts";
import { silhouetteDistance, silhouetteFeatures } from "./silhouette-features";
import type { RenderCheck, RenderTarget } from "./types";

/** Below this distance a render is the planned cut, whatever else it resembles. */
export const SILHOUETTE_TOLERANCE = 0.18;
/** A render contradicts the plan when another cut fits it this much better (distance ratio). */
export const CONTRADICTION_RATIO = 0.6;

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const cutName = (c: { fit: string; length: LengthKey | null }) =>
  c.length ? `${c.fit} ${c.length}` : c.fit;

/**
 * The render keeps the plan's fit and length: its proportions (width to height, where the hem
 * falls in units of the shoulder line or waistband, the width profile down the garment) are
 * measured and compared with every cut of the silhouette. It fails when it is far from the
 * planned cut and clearly closer to another one (loose full-length jeans drawn slim and
 * cropped, a cropped tank drawn long); shoes and accessories have no cut to check.
 */
export async function checkSilhouette(
  target: RenderTarget,
  mask: Uint8Array,
  width: number,
  height: number,
): Promise<RenderCheck> {
  const { garment } = target;
  const cuts = SILHOUETTE_CUTS[garment.silhouette];
  if (cuts.lengths.length === 0 && cuts.fits.length <= 1)
    return {
      name: "silhouette",
      passed: true,
      score: 1,
      detail: `a ${garment.silhouette.replace(/_/g, " ")} has no fit or length to check`,
    };
  const measured = silhouetteFeatures(mask, width, height);
  if (!measured)
    return { name: "silhouette", passed: false, score: 0, detail: "no garment outline to measure" };
  const planned = { fit: garment.fit, length: garment.length };
  const references = await referenceCuts(garment.silhouette, planned);
  const scored = references.map((r) => ({ ref: r, d: silhouetteDistance(measured, r.features) }));
  const plan = scored.find((s) => s.ref.fit === planned.fit && s.ref.length === planned.length);
  if (!plan)
    return { name: "silhouette", passed: true, score: 1, detail: "no reference for this cut" };
  let rival: { ref: ReferenceCut; d: number } | null = null;
  for (const s of scored) if (s !== plan && (!rival || s.d < rival.d)) rival = s;
  const contradicted =
    plan.d > SILHOUETTE_TOLERANCE && rival !== null && rival.d < CONTRADICTION_RATIO * plan.d;
  const p = plan.ref.features;
  const reads =
    rival && rival.d < plan.d
      ? `reads closer to ${cutName(rival.ref)} (${round(rival.d)}) than to the planned ${cutName(planned)} (${round(plan.d)})`
      : `reads as the planned ${cutName(planned)} (distance ${round(plan.d)})`;
  return {
    name: "silhouette",
    passed: !contradicted,
    // Measurement noise (a pale garment on a pale ground) costs little; a clear mismatch a lot.
    score: Math.max(0, Math.min(1, 1 - Math.max(0, plan.d - 0.25) / 0.75)),
    detail: `width/height ${round(measured.widthToHeight)} (planned ${round(p.widthToHeight)}), hem at ${round(measured.hemPosition, 1)}× the top span (planned ${round(p.hemPosition, 1)}×); ${reads}`,
  };
}
