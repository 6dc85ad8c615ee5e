/**
 * Proportions of a garment's silhouette read off a foreground mask, all independent of scale
 * (so any model's image, at any size, can be measured):
 * - `widthToHeight`: the garment's bounding box, width over height;
 * - `hemPosition`: the garment's height in units of its top span (the shoulder line of a top
 *   or dress, the waistband of trousers and skirts), which fit does not move: where the hem
 *   falls measured down the body;
 * - `centreDepth`: where the garment ends on its centre line (a cropped body under long
 *   sleeves, the rise of trousers against their leg length);
 * - `profile`: the garment's width at fixed heights, as a share of its widest row (tapered,
 *   straight or wide; where sleeves end against the hem).
 */
export type SilhouetteFeatures = {
  widthToHeight: number;
  hemPosition: number;
  /**
   * How far down the centre line the garment reaches, as a share of its height: the body's hem
   * when long sleeves hang below a cropped top, the crotch of trousers and shorts.
   */
  centreDepth: number;
  profile: number[];
};

/** Heights (share of the garment's height from its top) at which the profile is read. */
const PROFILE_AT = [0.04, 0.12, 0.2, 0.28, 0.36, 0.44, 0.52, 0.6, 0.68, 0.76, 0.84, 0.92, 0.98];
/** Rows below the top edge that give the top span (past collars, hoods' crowns and waistband loops). */
const TOP_BAND: readonly [number, number] = [0.05, 0.1];

/** Foreground runs of one row, as [start, end] pixel pairs. */
function rowRuns(mask: Uint8Array, width: number, y: number): [number, number][] {
  const runs: [number, number][] = [];
  const offset = y * width;
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const on = x < width && mask[offset + x] === 1;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      runs.push([start, x - 1]);
      start = -1;
    }
  }
  return runs;
}

/** Null when the mask holds too little to measure (a blank image is judged elsewhere). */
export function silhouetteFeatures(
  mask: Uint8Array,
  width: number,
  height: number,
): SilhouetteFeatures | null {
  const rows = Array.from({ length: height }, (_, y) => rowRuns(mask, width, y));
  let minX = width;
  let maxX = -1;
  for (const runs of rows)
    for (const [a, b] of runs) {
      if (a < minX) minX = a;
      if (b > maxX) maxX = b;
    }
  if (maxX < 0) return null;
  // Runs narrower than this are straps, cords or the faint edge of the shadow, which a small
  // copy of an image may or may not resolve: the silhouette is read without them.
  const minRun = Math.max(2, 0.06 * (maxX - minX + 1));
  const extents = rows.map((runs) => {
    const wide = runs.filter(([a, b]) => b - a + 1 >= minRun);
    const first = wide[0];
    const last = wide.at(-1);
    return first && last ? { left: first[0], right: last[1] } : null;
  });
  let top = -1;
  let bottom = -1;
  let left = width;
  let right = -1;
  extents.forEach((e, y) => {
    if (!e) return;
    if (top < 0) top = y;
    bottom = y;
    left = Math.min(left, e.left);
    right = Math.max(right, e.right);
  });
  const h = bottom - top + 1;
  const w = right - left + 1;
  if (top < 0 || h < 12 || w < 6) return null;
  const rowWidth = (y: number) => {
    const e = extents[y];
    return e ? e.right - e.left + 1 : 0;
  };
  const widthAt = (share: number) =>
    rowWidth(Math.min(bottom, Math.max(top, Math.round(top + share * (h - 1)))));
  const band: number[] = [];
  for (let y = Math.round(top + TOP_BAND[0] * h); y <= Math.round(top + TOP_BAND[1] * h); y++)
    band.push(rowWidth(y));
  band.sort((a, b) => a - b);
  // The upper quartile: a pale garment on a pale ground can lose a strap or a shoulder.
  const topSpan = Math.max(1, band[Math.floor(band.length * 0.75)] ?? w);
  // The lowest row the centre line reaches: the body's hem under hanging sleeves, the crotch
  // between two legs, the hem of a dress (a deep V-neck above does not matter).
  const centreX = Math.round((left + right) / 2);
  let centreBottom = top;
  for (let y = bottom; y >= top; y--) {
    if (rows[y]?.some(([a, b]) => a <= centreX + 1 && centreX - 1 <= b)) {
      centreBottom = y;
      break;
    }
  }
  return {
    widthToHeight: w / h,
    hemPosition: h / topSpan,
    centreDepth: (centreBottom - top + 1) / h,
    profile: PROFILE_AT.map((share) => widthAt(share) / w),
  };
}

/** How far apart two silhouettes are: log ratios of the proportions plus the mean profile gap. */
export function silhouetteDistance(a: SilhouetteFeatures, b: SilhouetteFeatures): number {
  const ratio = (x: number, y: number) => Math.abs(Math.log(Math.max(1e-6, x) / Math.max(1e-6, y)));
  let profile = 0;
  for (let i = 0; i < a.profile.length; i++)
    profile += Math.abs((a.profile[i] ?? 0) - (b.profile[i] ?? 0));
  // The hem position leans on the top span, which collars and straps make noisy: it counts
  // for less than the overall proportion and the width profile.
  return (
    ratio(a.widthToHeight, b.widthToHeight) +
    0.3 * Math.min(0.7, ratio(a.hemPosition, b.hemPosition)) +
    1.5 * Math.abs(a.centreDepth - b.centreDepth) +
    profile / Math.max(1, a.profile.length)
  );
}
