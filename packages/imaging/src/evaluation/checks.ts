import { deltaE2000 } from "../color";
import type { ColorCluster } from "./dominant-colors";
import { labDistance, type Lab } from "./lab";
import type { Segmentation } from "./segmentation";
import type { RenderCheck, RenderTarget } from "./types";

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

export function checkDimensions(target: RenderTarget, width: number, height: number): RenderCheck {
  const passed = width === target.width && height === target.height;
  return {
    name: "dimensions",
    passed,
    score: passed ? 1 : 0,
    detail: `${width}×${height} px, expected ${target.width}×${target.height}`,
  };
}

/**
 * Something is drawn: the image has contrast and structure against its background, not one
 * flat colour. Both are measured in CIELAB (distance from the background colour, and colour
 * edges between neighbours), so a pale garment on a light ground of about the same lightness
 * (butter yellow on pale grey, ecru on ivory) still counts: it differs in hue and chroma. A
 * flat or near-flat image has neither, whatever its colour.
 */
export function checkNotBlank(
  lab: readonly Lab[],
  width: number,
  height: number,
  background: Lab,
): RenderCheck {
  const count = lab.length || 1;
  let mean = 0;
  const distance = new Float32Array(lab.length);
  for (let i = 0; i < lab.length; i++) {
    const p = lab[i];
    const d = p ? labDistance(p, background) : 0;
    distance[i] = d;
    mean += d;
  }
  mean /= count;
  let variance = 0;
  for (const d of distance) variance += (d - mean) ** 2;
  const contrast = Math.sqrt(variance / count);
  let edges = 0;
  for (let y = 0; y < height - 1; y++)
    for (let x = 0; x < width - 1; x++) {
      const i = y * width + x;
      const here = lab[i];
      const right = lab[i + 1];
      const below = lab[i + width];
      if (!here || !right || !below) continue;
      if (labDistance(here, right) + labDistance(here, below) > 6) edges++;
    }
  const edgeShare = edges / Math.max(1, (width - 1) * (height - 1));
  const passed = contrast >= 3 && edgeShare >= 0.004;
  return {
    name: "not_blank",
    passed,
    score: clamp01(Math.min(contrast / 6, edgeShare / 0.008)),
    detail: `contrast against the background ${round(contrast)} ΔE, edge pixels ${round(edgeShare * 100, 2)}%`,
  };
}

/** The garment takes a sensible share of the frame: visible, yet with background around it. */
export function checkCoverage(segmentation: Segmentation): RenderCheck {
  const { coverage } = segmentation;
  const min = 0.03;
  const max = 0.85;
  const passed = coverage >= min && coverage <= max;
  const score = passed ? 1 : coverage < min ? coverage / min : clamp01((1 - coverage) / (1 - max));
  return {
    name: "coverage",
    passed,
    score,
    detail: `garment covers ${round(coverage * 100)}% of the frame (expected ${min * 100}–${max * 100}%)`,
  };
}

/**
 * The planned colour is what the garment shows. A solid garment's largest colour must match;
 * a patterned one passes when any major colour (≥ 18% of the garment) is the planned main colour,
 * since a print may legitimately be dominated by its ground or by its motif.
 */
export function checkDominantColor(
  target: RenderTarget,
  clusters: readonly ColorCluster[],
  threshold: number,
): { check: RenderCheck; deltaE: number | null } {
  const top = clusters[0];
  if (!top)
    return {
      check: { name: "dominant_color", passed: false, score: 0, detail: "no garment pixels found" },
      deltaE: null,
    };
  const main = target.garment.colorHex;
  const candidates =
    target.garment.pattern === "solid"
      ? [top]
      : clusters.filter((c) => c.weight >= 0.18 || c === top);
  let best = candidates[0] ?? top;
  let bestDelta = deltaE2000(best.hex, main);
  for (const c of candidates) {
    const d = deltaE2000(c.hex, main);
    if (d < bestDelta) {
      best = c;
      bestDelta = d;
    }
  }
  const passed = bestDelta <= threshold;
  const which = best === top ? "largest colour" : `colour covering ${round(best.weight * 100)}%`;
  return {
    check: {
      name: "dominant_color",
      passed,
      score: clamp01(1 - bestDelta / (2 * threshold)),
      detail: `${which} ${best.hex} is ΔE2000 ${round(bestDelta)} from planned ${main} (threshold ${threshold})`,
    },
    deltaE: round(bestDelta, 2),
  };
}

/** ΔE2000 under which a rendered colour near the product counts as a planned colour. */
const PLANNED_ECHO_DELTA_E = 8;
/** ΔE2000 under which two colours read as the same one (a tonal pairing or a clash). */
const NEAR_IDENTICAL_DELTA_E = 8;

/**
 * Lenient on purpose: the styling engine already chose a harmonious colour; this only catches
 * a render whose colour collapses onto the product's when the plan did not ask for it. The
 * plan may ask for it twice over: a tonal look (its main colour is the product's), or a
 * pattern accent deliberately taken from the product (navy stripes echoing a navy top). A
 * render showing a planned colour is never a clash; any other near-identical colour is.
 */
export function checkHarmony(target: RenderTarget, dominantHex: string | null): RenderCheck {
  if (!dominantHex)
    return { name: "harmony", passed: false, score: 0, detail: "no garment colour to compare" };
  const { garment, productColorHex: product } = target;
  const planned = deltaE2000(garment.colorHex, product);
  const rendered = deltaE2000(dominantHex, product);
  if (planned < NEAR_IDENTICAL_DELTA_E)
    return {
      name: "harmony",
      passed: true,
      score: 1,
      detail: `tonal look planned (plan is ΔE2000 ${round(planned)} from the product ${product})`,
    };
  const accent = garment.accentColorHex;
  if (
    accent &&
    rendered < NEAR_IDENTICAL_DELTA_E &&
    deltaE2000(accent, product) < NEAR_IDENTICAL_DELTA_E &&
    deltaE2000(dominantHex, accent) <= PLANNED_ECHO_DELTA_E
  )
    return {
      name: "harmony",
      passed: true,
      score: 1,
      detail: `rendered colour ${dominantHex} is the planned ${garment.pattern.replace(/_/g, " ")} accent ${accent}, which echoes the product ${product}`,
    };
  const passed = rendered >= 5;
  return {
    name: "harmony",
    passed,
    score: clamp01(rendered / 15),
    detail: passed
      ? `rendered colour is ΔE2000 ${round(rendered)} from the product ${product}: reads as a pair`
      : `rendered colour is ΔE2000 ${round(rendered)} from the product ${product}: an unplanned near-identical clash`,
  };
}

/** The garment sits on a light, even ground and is not cut off by the frame. */
export function checkCleanBackground(segmentation: Segmentation): RenderCheck {
  const { background, borderUniformity, borderForeground } = segmentation;
  const light = background.l >= 70;
  const even = borderUniformity >= 0.8;
  const free = borderForeground <= 0.15;
  const passed = light && even && free;
  const score = clamp01(Math.min(background.l / 80, borderUniformity, 1 - borderForeground));
  return {
    name: "clean_background",
    passed,
    score: passed ? Math.max(score, 0.75) : Math.min(score, 0.6),
    detail: `border lightness L*=${round(background.l)} (needs ≥ 70), ${round(borderUniformity * 100)}% of the border even, ${round(borderForeground * 100)}% of it covered by the garment`,
  };
}
