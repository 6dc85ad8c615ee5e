import { deltaE2000, hexToLab, type LabCoords } from "./color-space";
import { displayColors, type DisplayColor } from "./color-tables";

export interface NearestColor {
  name: string;
  hex: string;
  deltaE: number;
}

// CIEDE2000 is ~20x the cost of a Euclidean Lab distance; shortlisting by ΔE76 first keeps a
// lookup to a handful of ΔE2000 evaluations. The true ΔE2000 winner is always among the
// ΔE76-nearest few for this list's density.
const SHORTLIST = 8;
const cache = new Map<string, NearestColor>();
const CACHE_LIMIT = 20_000;

function deltaE76Squared(a: LabCoords, b: LabCoords): number {
  const dl = a.l - b.l;
  const da = a.a - b.a;
  const db = a.b - b.b;
  return dl * dl + da * da + db * db;
}

/** The curated display color nearest to a CIELAB color by ΔE2000. */
export function nearestDisplayColor(lab: LabCoords): NearestColor {
  const list = displayColors();
  const shortlist: { entry: DisplayColor; d: number }[] = [];
  for (const entry of list) {
    const d = deltaE76Squared(lab, entry.lab);
    if (shortlist.length < SHORTLIST) {
      shortlist.push({ entry, d });
      shortlist.sort((x, y) => x.d - y.d);
    } else if (d < (shortlist[SHORTLIST - 1]?.d ?? Infinity)) {
      shortlist[SHORTLIST - 1] = { entry, d };
      shortlist.sort((x, y) => x.d - y.d);
    }
  }
  let best: NearestColor = { name: "grey", hex: "#8a8a8a", deltaE: Infinity };
  for (const { entry } of shortlist) {
    const d = deltaE2000(lab, entry.lab);
    if (d < best.deltaE) best = { name: entry.name, hex: entry.hex, deltaE: d };
  }
  return best;
}

/** Nearest human color name for a `#rrggbb` hex, by ΔE2000 against our curated fashion list. */
export function nearestColorName(hex: string): string {
  return nearestColor(hex).name;
}

export function nearestColor(hex: string): NearestColor {
  const key = hex.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const result = nearestDisplayColor(hexToLab(key));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}
