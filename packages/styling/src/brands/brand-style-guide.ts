import type { Fit, MaterialKey, PatternKey } from "@garment/schemas";

/**
 * A pilot brand's house rules. "prefer" lists bias the engine; "avoid" lists cost points;
 * "forbid" lists (and `forbidPrints`) are never produced. Colors are names or hex that
 * `parseColor` understands; matching is perceptual (ΔE2000), not by string.
 */
export interface BrandStyleGuide {
  /** Stable ULID: seeded into the database. */
  publicId: string;
  /** What `pilot_brand` carries in requests. */
  slug: string;
  name: string;
  description: string;
  palette: readonly string[];
  avoidColors: readonly string[];
  forbidColors: readonly string[];
  preferMaterials: readonly MaterialKey[];
  avoidMaterials: readonly MaterialKey[];
  forbidMaterials: readonly MaterialKey[];
  preferPatterns: readonly PatternKey[];
  forbidPatterns: readonly PatternKey[];
  /** No pattern at all on the complement (solid only). */
  forbidPrints: boolean;
  preferFits: readonly Fit[];
}
