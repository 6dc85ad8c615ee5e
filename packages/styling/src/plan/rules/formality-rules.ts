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

/** The numbers of the formality rule, without the words (cheap enough to score every option). */
export interface FormalityFit {
  allowed: boolean;
  score: number;
  steps: number;
  contrast: "high-low" | "requested" | null;
}

/**
 * The complement stays within one step of the product on the formality scale. Two steps only
 * as a named high-low contrast: a quiet dress-down classic (tee, sneakers, denim or leather
 * jacket, jeans, knit) with a business or evening piece. Past that only when the request named
 * the category itself, and the plan says so.
 */
export function formalityFit(
  product: FormalityPiece,
  candidate: FormalityPiece,
  requested: boolean,
): FormalityFit {
  const p = formalityStep(product.value);
  const c = formalityStep(candidate.value);
  const steps = Math.abs(p - c);
  if (steps === 0)
    return {
      allowed: true,
      score: 1 - 0.1 * Math.abs(product.value - candidate.value),
      steps,
      contrast: null,
    };
  if (steps === 1) return { allowed: true, score: 0.8, steps, contrast: null };
  const [low, high] = c < p ? [candidate, product] : [product, candidate];
  if (steps === 2 && low.dressDown && low.quiet && formalityStep(high.value) >= 3)
    return { allowed: true, score: 0.5, steps, contrast: "high-low" };
  if (requested) return { allowed: true, score: 0.3, steps, contrast: "requested" };
  return { allowed: false, score: 0, steps, contrast: null };
}

/** The formality rule with the words the rationale needs. */
export function assessFormality(
  product: FormalityPiece,
  candidate: FormalityPiece,
  requested: boolean,
): FormalityAssessment {
  const fit = formalityFit(product, candidate, requested);
  const p = formalityStep(product.value);
  const c = formalityStep(candidate.value);
  const levels = `${formalityLevel(c)} with ${formalityLevel(p)}`;
  const base = { score: fit.score, allowed: fit.allowed, steps: fit.steps };
  if (fit.steps === 0)
    return { ...base, contrast: null, reason: `same register (${formalityLevel(c)})` };
  if (fit.steps === 1) return { ...base, contrast: null, reason: `one step apart (${levels})` };
  if (fit.contrast === "high-low") {
    const [low, high] = c < p ? [candidate, product] : [product, candidate];
    const contrast = `high-low: the ${low.name} dresses down the ${high.name}`;
    return { ...base, contrast, reason: `deliberate contrast, ${contrast} (${levels})` };
  }
  if (fit.contrast === "requested") {
    const contrast = `the request named the ${candidate.name}`;
    return {
      ...base,
      contrast,
      reason: `deliberate contrast, ${contrast}: ${fit.steps} steps apart (${levels})`,
    };
  }
  return {
    ...base,
    contrast: null,
    reason: `${fit.steps} steps apart (${levels}) breaks the register`,
  };
}
