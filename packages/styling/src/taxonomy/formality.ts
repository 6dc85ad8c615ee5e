import type { MaterialKey, PatternKey } from "@garment/schemas";
import { MATERIALS } from "../vocabulary/materials";
import { PATTERNS } from "../vocabulary/patterns";
import type { ScaleRange } from "./category-styling";

/** The formality scale, one step apart: a look stays within one step unless it means not to. */
export const FORMALITY_LEVELS = [
  "athleisure",
  "casual",
  "smart-casual",
  "business",
  "evening",
] as const;
export type FormalityLevel = (typeof FORMALITY_LEVELS)[number];

/** How strongly the cloth and the print pull a category off its usual register. */
const MATERIAL_PULL = 0.5;
const PATTERN_PULL = 0.35;

/**
 * A garment's place on the formality scale (0 athleisure … 4 evening, continuous): the
 * category's usual register, pulled halfway towards its cloth's (a satin blazer is evening, a
 * linen one smart-casual) and a third of the way towards its print's (tartan dresses a wool
 * shirt down), held inside what the category can be (a hoodie is never business wear).
 */
export function formalityValue(
  range: ScaleRange,
  material: MaterialKey,
  pattern: PatternKey,
): number {
  let value = range.base + MATERIAL_PULL * (MATERIALS[material].formality - range.base);
  const print = PATTERNS[pattern].formality;
  if (print !== null) value += PATTERN_PULL * (print - value);
  return Math.min(range.max, Math.max(range.min, value));
}

/** The step a continuous value falls on (halves round up: 2.5 is business). */
export function formalityStep(value: number): number {
  return Math.min(FORMALITY_LEVELS.length - 1, Math.max(0, Math.floor(value + 0.5)));
}

export function formalityLevel(step: number): FormalityLevel {
  return FORMALITY_LEVELS[formalityStep(step)] ?? "casual";
}
