import type { Fit, LengthKey, Silhouette } from "@garment/schemas";
import sharp from "sharp";
import { SILHOUETTE_CUTS } from "../builtin/silhouettes/cuts";
import { silhouettes } from "../builtin/silhouettes";
import { createRandom } from "../random";
import { silhouetteFeatures, type SilhouetteFeatures } from "./silhouette-features";

export type Cut = { fit: Fit; length: LengthKey | null };
export type ReferenceCut = Cut & { features: SilhouetteFeatures };

/** Long side of a reference mask: the same scale the analysis copy of a render is read at. */
const REFERENCE_LONG_SIDE = 180;

const cache = new Map<string, Promise<ReferenceCut | null>>();

/**
 * The proportions of one cut as the garment's flat drawing has them (upright, no shadow, no
 * texture): the yardstick a render of that cut is measured against. Computed once per cut.
 */
export function referenceCut(silhouette: Silhouette, cut: Cut): Promise<ReferenceCut | null> {
  const key = `${silhouette}|${cut.fit}|${cut.length ?? ""}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = measureCut(silhouette, cut);
    cache.set(key, hit);
  }
  return hit;
}

async function measureCut(silhouette: Silhouette, cut: Cut): Promise<ReferenceCut | null> {
  const shape = silhouettes[silhouette]({ ...cut, random: createRandom(1) });
  const pad = 8;
  const box = shape.box;
  const k = REFERENCE_LONG_SIDE / Math.max(box.width + 2 * pad, box.height + 2 * pad);
  const width = Math.max(8, Math.round((box.width + 2 * pad) * k));
  const height = Math.max(8, Math.round((box.height + 2 * pad) * k));
  // Everything that shows against the background: cloth, hardware and soles, straps and cords.
  const parts = shape.under.concat(shape.over).flatMap((o) => {
    if (o.kind === "solid") return [`<path d="${o.d}" fill="#000"/>`];
    if (o.kind === "cord")
      return [
        `<path d="${o.d}" fill="none" stroke="#000" stroke-width="${o.width}" stroke-linecap="round"/>`,
      ];
    return [];
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}">` +
    shape.fabric.map((d) => `<path d="${d}" fill="#000"/>`).join("") +
    parts.join("") +
    `</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mask = new Uint8Array(info.width * info.height);
  for (let i = 0; i < mask.length; i++) mask[i] = (data[i] ?? 0) > 127 ? 1 : 0;
  const features = silhouetteFeatures(mask, info.width, info.height);
  return features ? { ...cut, features } : null;
}

/** Every cut the silhouette comes in, plus the planned one if it is not among them. */
export async function referenceCuts(silhouette: Silhouette, planned: Cut): Promise<ReferenceCut[]> {
  const { lengths, fits } = SILHOUETTE_CUTS[silhouette];
  const cuts: Cut[] = [];
  for (const fit of fits)
    for (const length of planned.length === null ? [null] : lengths) cuts.push({ fit, length });
  if (!cuts.some((c) => c.fit === planned.fit && c.length === planned.length)) cuts.push(planned);
  const measured = await Promise.all(cuts.map((c) => referenceCut(silhouette, c)));
  return measured.filter((c): c is ReferenceCut => c !== null);
}
