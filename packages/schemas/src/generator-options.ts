import { z } from "zod";

/** Long side in pixels for each resolution the generators accept. */
export const RESOLUTION_LONG_SIDE = { "0.5K": 512, "1K": 1024, "2K": 2048, "4K": 4096 } as const;

export const Resolution = z
  .enum(["0.5K", "1K", "2K", "4K"])
  .meta({ id: "Resolution", description: "Long side 512 / 1024 / 2048 / 4096 px." });
export type Resolution = z.infer<typeof Resolution>;

export const AspectRatio = z
  .enum(["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"])
  .meta({ id: "AspectRatio" });
export type AspectRatio = z.infer<typeof AspectRatio>;

export const OnTechnicalFailure = z.enum(["retry", "fallback", "fail"]).meta({
  id: "OnTechnicalFailure",
  description:
    "retry: retry with backoff, then fail; fallback: after retries, render with the fallback model; fail: fail at once. Every failure refunds.",
});
export type OnTechnicalFailure = z.infer<typeof OnTechnicalFailure>;

export const MAX_SEED = 4_294_967_295;
export const Seed = z.int().min(0).max(MAX_SEED);

export const DEFAULT_GENERATOR_OPTIONS = {
  eval_enabled: true,
  resolution: "1K",
  aspect_ratio: "1:1",
  on_technical_failure: "retry",
} as const satisfies {
  eval_enabled: boolean;
  resolution: Resolution;
  aspect_ratio: AspectRatio;
  on_technical_failure: OnTechnicalFailure;
};

/** Pixel size of a render for a resolution and aspect ratio (long side fixed, short side rounded). */
export function renderDimensions(
  resolution: Resolution,
  aspectRatio: AspectRatio,
): { width: number; height: number } {
  const longSide = RESOLUTION_LONG_SIDE[resolution];
  const [w, h] = aspectRatio.split(":").map(Number) as [number, number];
  if (w >= h) return { width: longSide, height: Math.round((longSide * h) / w) };
  return { width: Math.round((longSide * w) / h), height: longSide };
}
