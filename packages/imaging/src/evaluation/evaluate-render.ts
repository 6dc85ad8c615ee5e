import { decodeForAnalysis, type DecodedImage } from "./decode";
import { dominantColors } from "./dominant-colors";
import { checkSilhouette } from "./check-silhouette";
import { segmentForeground } from "./segmentation";
import {
  checkCleanBackground,
  checkCoverage,
  checkDimensions,
  checkDominantColor,
  checkHarmony,
  checkNotBlank,
} from "./checks";
import type {
  EvaluationOptions,
  RenderCheck,
  RenderCheckName,
  RenderEvaluation,
  RenderTarget,
} from "./types";

/** ΔE2000 under which a rendered colour counts as the planned one (a visible but small shift). */
export const DEFAULT_COLOR_THRESHOLD = 12;

const WEIGHTS: Record<RenderCheckName, number> = {
  decodable: 1,
  dimensions: 0.15,
  not_blank: 0.15,
  coverage: 0.1,
  dominant_color: 0.3,
  harmony: 0.1,
  clean_background: 0.2,
  silhouette: 0.2,
};

/**
 * Judge a render against its plan: right size, something drawn, the planned colour, in
 * harmony with the product, on a clean background, in the planned fit and length. Any
 * model's PNG/JPEG/WebP will do.
 */
export async function evaluateRender(
  target: RenderTarget,
  image: Uint8Array,
  options: EvaluationOptions = {},
): Promise<RenderEvaluation> {
  let decoded: DecodedImage;
  try {
    decoded = await decodeForAnalysis(image);
  } catch (error) {
    const detail = `image could not be decoded: ${error instanceof Error ? error.message : String(error)}`;
    return summarise([{ name: "decodable", passed: false, score: 0, detail }], null, null);
  }
  const { sample } = decoded;
  const segmentation = segmentForeground(sample.lab, sample.width, sample.height);
  const clusters = dominantColors(sample.lab, segmentation.mask);
  const dominant = checkDominantColor(
    target,
    clusters,
    options.colorThreshold ?? DEFAULT_COLOR_THRESHOLD,
  );
  const dominantHex = clusters[0]?.hex ?? null;
  const checks: RenderCheck[] = [
    checkDimensions(target, decoded.width, decoded.height),
    checkNotBlank(sample.lab, sample.width, sample.height, segmentation.background),
    checkCoverage(segmentation),
    dominant.check,
    checkHarmony(target, dominantHex),
    checkCleanBackground(segmentation),
    await checkSilhouette(target, segmentation.mask, sample.width, sample.height),
  ];
  return summarise(checks, dominantHex, dominant.deltaE);
}

function summarise(
  checks: RenderCheck[],
  dominantColorHex: string | null,
  deltaE: number | null,
): RenderEvaluation {
  const total = checks.reduce((sum, c) => sum + WEIGHTS[c.name], 0);
  const score = checks.reduce((sum, c) => sum + WEIGHTS[c.name] * c.score, 0) / total;
  return {
    passed: checks.every((c) => c.passed),
    score: Math.round(score * 1000) / 1000,
    checks,
    dominantColorHex,
    deltaE,
  };
}
