import { formalityLevel, formalityStep } from "../../taxonomy/formality";

/** One garment as the formality rule sees it. */
export interface FormalityPiece {
  /** Continuous value on the scale (0 athleisure … 4 evening). */
  value: number;
  name: string;
  /** A classic dress-down piece (white tee, sneakers, denim jacket). */
  dressDown: boolean;
  /** Solid or a neutral-like print: quiet enough to play the casual half of a high-low look. */
  quiet: boolean;
}

export interface FormalityAssessment {
  score: number;
  allowed: boolean;
  /** Whole steps between the two pieces. */
  steps: number;
  /** The deliberate contrast the plan names when it goes past one step, else null. */
  contrast: string | null;
  reason: string;
}

/**
 * The complement stays within one step of the product on the formality scale. Two steps only
 * as a named high-low contrast: a quiet dress-down classic (tee, sneakers, denim or leather
 * jacket, jeans, knit) with a business or evening piece. Past that only when the request named
 * the category itself, and the plan says so.
 */
export function assessFormality(
  product: FormalityPiece,
  candidate: FormalityPiece,
  requested: boolean,
): FormalityAssessment {
  const p = formalityStep(product.value);
  const c = formalityStep(candidate.value);
  const steps = Math.abs(p - c);
  const levels = `${formalityLevel(c)} with ${formalityLevel(p)}`;
  if (steps === 0) {
    const closeness = 1 - 0.1 * Math.abs(product.value - candidate.value);
    return {
      score: closeness,
      allowed: true,
      steps,
      contrast: null,
      reason: `same register (${formalityLevel(c)})`,
    };
  }
  if (steps === 1)
    return {
      score: 0.8,
      allowed: true,
      steps,
      contrast: null,
      reason: `one step apart (${levels})`,
    };
  const [low, high] = c < p ? [candidate, product] : [product, candidate];
  if (steps === 2 && low.dressDown && low.quiet && formalityStep(high.value) >= 3) {
    const contrast = `high-low: the ${low.name} dresses down the ${high.name}`;
    return {
      score: 0.5,
      allowed: true,
      steps,
      contrast,
      reason: `deliberate contrast, ${contrast} (${levels})`,
    };
  }
  if (requested) {
    const contrast = `the request named the ${candidate.name}`;
    return {
      score: 0.3,
      allowed: true,
      steps,
      contrast,
      reason: `deliberate contrast, ${contrast}: ${steps} steps apart (${levels})`,
    };
  }
  return {
    score: 0,
    allowed: false,
    steps,
    contrast: null,
    reason: `${steps} steps apart (${levels}) breaks the register`,
  };
}
