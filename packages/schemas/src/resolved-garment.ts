import { z } from "zod";
import {
  Fit,
  GarmentSlot,
  LengthKey,
  MaterialKey,
  PatternKey,
  Silhouette,
} from "./vocabulary-keys";

/**
 * A garment as the engine understood it: free text resolved onto canonical keys, the color
 * resolved to sRGB hex. The styling engine produces these (for the product and for the
 * complement it designs); image models draw them; the evaluation checks renders against them.
 */
export const ResolvedGarment = z.object({
  categoryId: z.string(),
  categoryName: z.string(),
  slot: GarmentSlot,
  silhouette: Silhouette,
  /** Dominant color, `#rrggbb`. */
  colorHex: z.string().regex(/^#[0-9a-f]{6}$/),
  /** Human name of the dominant color (nearest named color). */
  colorName: z.string(),
  /** Second color of a pattern (stripes, check, print ground…), when the pattern has one. */
  accentColorHex: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .nullable(),
  pattern: PatternKey,
  material: MaterialKey,
  fit: Fit,
  length: LengthKey.nullable(),
});
export type ResolvedGarment = z.infer<typeof ResolvedGarment>;
