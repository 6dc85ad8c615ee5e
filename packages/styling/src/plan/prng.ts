/**
 * A tiny seeded PRNG (mulberry32): 32-bit state, good enough statistical quality for picking
 * styling options, and identical on every platform so a seed always gives the same plan.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Picks an index with probability proportional to its weight (weights ≥ 0). */
  weightedIndex(weights: readonly number[]): number;
}

export function createPrng(seed: number): Prng {
  let state = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    weightedIndex: (weights) => {
      let total = 0;
      for (const w of weights) total += Math.max(0, w);
      if (total <= 0) return Math.floor(next() * weights.length);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= Math.max(0, weights[i] ?? 0);
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** Picks an item with probability proportional to `weight(item)`. */
export function pickWeighted<T>(prng: Prng, items: readonly T[], weight: (item: T) => number): T {
  const index = prng.weightedIndex(items.map(weight));
  const item = items[index];
  if (item === undefined) throw new Error("pickWeighted: empty list");
  return item;
}
