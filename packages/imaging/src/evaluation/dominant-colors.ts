import { deltaE2000 } from "../color";
import { labDistance, labToHex, type Lab } from "./lab";

export type ColorCluster = { hex: string; lab: Lab; weight: number };

const CLUSTERS = 5;
const ITERATIONS = 12;
const MAX_POINTS = 6000;
/** Clusters closer than this (ΔE2000) are one colour split by shading; they are merged. */
const MERGE_DELTA_E = 7;

/**
 * The garment's colours, largest first: k-means in CIELAB over the foreground pixels, then
 * shading splits merged back. Deterministic (initial centres at lightness quantiles).
 */
export function dominantColors(lab: readonly Lab[], mask: Uint8Array): ColorCluster[] {
  const all: Lab[] = [];
  for (let i = 0; i < lab.length; i++) {
    const p = lab[i];
    if (mask[i] && p) all.push(p);
  }
  if (all.length === 0) return [];
  const stride = Math.max(1, Math.floor(all.length / MAX_POINTS));
  const points = all.filter((_, i) => i % stride === 0);
  const byLightness = [...points].sort((p, q) => p.l - q.l);
  const k = Math.min(CLUSTERS, points.length);
  let centres: Lab[] = Array.from({ length: k }, (_, i) => {
    const p = byLightness[Math.floor(((i + 0.5) / k) * byLightness.length)] as Lab;
    return { ...p };
  });
  const assignment = new Int32Array(points.length);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const sums = centres.map(() => ({ l: 0, a: 0, b: 0, count: 0 }));
    points.forEach((p, i) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((c, j) => {
        const d = labDistance(p, c);
        if (d < bestDistance) {
          bestDistance = d;
          best = j;
        }
      });
      assignment[i] = best;
      const sum = sums[best];
      if (sum) {
        sum.l += p.l;
        sum.a += p.a;
        sum.b += p.b;
        sum.count++;
      }
    });
    centres = sums.map((s, j) =>
      s.count ? { l: s.l / s.count, a: s.a / s.count, b: s.b / s.count } : (centres[j] as Lab),
    );
  }
  const counts = centres.map(() => 0);
  for (const a of assignment) counts[a] = (counts[a] ?? 0) + 1;
  const clusters = centres
    .map((c, j) => ({ lab: c, weight: (counts[j] ?? 0) / points.length }))
    .filter((c) => c.weight > 0);
  return mergeSimilar(clusters).sort((p, q) => q.weight - p.weight);
}

function mergeSimilar(clusters: { lab: Lab; weight: number }[]): ColorCluster[] {
  const merged: { lab: Lab; weight: number }[] = [];
  for (const c of [...clusters].sort((p, q) => q.weight - p.weight)) {
    const target = merged.find((m) => deltaE2000(labToHex(m.lab), labToHex(c.lab)) < MERGE_DELTA_E);
    if (!target) {
      merged.push({ lab: { ...c.lab }, weight: c.weight });
      continue;
    }
    const w = target.weight + c.weight;
    target.lab = {
      l: (target.lab.l * target.weight + c.lab.l * c.weight) / w,
      a: (target.lab.a * target.weight + c.lab.a * c.weight) / w,
      b: (target.lab.b * target.weight + c.lab.b * c.weight) / w,
    };
    target.weight = w;
  }
  return merged.map((m) => ({ ...m, hex: labToHex(m.lab) }));
}
