import type { ResolvedGarment } from "@garment/schemas";

export type RenderTarget = {
  garment: ResolvedGarment;
  /** Colour of the customer's product the complement must go with. */
  productColorHex: string;
  width: number;
  height: number;
};

export type RenderCheckName =
  | "decodable"
  | "dimensions"
  | "not_blank"
  | "coverage"
  | "dominant_color"
  | "harmony"
  | "clean_background"
  | "silhouette";

export type RenderCheck = { name: RenderCheckName; passed: boolean; score: number; detail: string };

export type RenderEvaluation = {
  passed: boolean;
  /** Weighted mean of the check scores, 0..1. */
  score: number;
  checks: RenderCheck[];
  /** Largest colour of the garment as rendered; null when there is no garment to see. */
  dominantColorHex: string | null;
  /** ΔE2000 between the planned colour and the closest major rendered colour; null as above. */
  deltaE: number | null;
};

export type EvaluationOptions = {
  /** ΔE2000 under which the rendered colour counts as the planned one. */
  colorThreshold?: number;
};
