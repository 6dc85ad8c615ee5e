import { z } from "zod";
import { AspectRatio, OnTechnicalFailure, Resolution, Seed } from "./generator-options";

/**
 * What dispatch decides before hand-off and stores in `jobs.resolved`, so a retried run never
 * re-rolls a seed or picks another model. Written by the dispatch service, read back (and
 * checked) by the generation workflow.
 */
export const ResolvedJobOptions = z.object({
  seed: Seed,
  /** True when the client sent no seed and dispatch drew one. */
  seedWasRandom: z.boolean().default(false),
  imageModel: z.string(),
  evalEnabled: z.boolean(),
  onTechnicalFailure: OnTechnicalFailure,
  resolution: Resolution,
  aspectRatio: AspectRatio,
  width: z.int().positive(),
  height: z.int().positive(),
  category: z.object({ publicId: z.string(), slot: z.string(), name: z.string() }),
  pilotBrand: z.object({ publicId: z.string(), slug: z.string() }).nullable(),
  colorHex: z.string().regex(/^#[0-9a-f]{6}$/),
});
export type ResolvedJobOptions = z.infer<typeof ResolvedJobOptions>;
