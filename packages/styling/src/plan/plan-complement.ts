import type { Fit, LengthKey, MaterialKey, PatternKey, ResolvedGarment } from "@garment/schemas";
import type { BrandStyleGuide } from "../brands/brand-style-guide";
import { deltaE2000 } from "../color/color-space";
import { PATTERNS } from "../vocabulary/patterns";
import { candidateCategories, type CategoryOption } from "./candidate-categories";
import {
  SAME_COLOR_DELTA_E,
  assessColor,
  neutralAnchors,
  proposeColor,
  type HarmonyScheme,
} from "./color-harmony";
import { colorPoint, type ColorPoint } from "./color-point";
import { complementDisplayName } from "./display-name";
import { tonalShade } from "./pattern-accent";
import { createPrng, pickWeighted, type Prng } from "./prng";
import {
  garmentFacts,
  isResolvedGarment,
  resolveProduct,
  type GarmentFacts,
  type ProductSpec,
} from "./product-spec";
import {
  brandColors,
  assessBrand,
  brandForbidsColor,
  brandForbidsMaterial,
  brandForbidsPattern,
} from "./rules/brand-rules";
import { assessFit } from "./rules/fit-rules";
import { assessLength } from "./rules/length-rules";
import { assessPattern, patternSuitsMaterial } from "./rules/pattern-rules";
import { assessTexture } from "./rules/texture-rules";
import { visibleColors } from "./visible-colors";

export interface PlanOptions {
  /** Same product + seed (+ brand, target) → the same plan. */
  seed: number;
  brand?: BrandStyleGuide | null;
  /** Design this category rather than letting the engine choose (must be compatible). */
  targetCategoryId?: string;
}

export interface ComplementPlan {
  product: ResolvedGarment;
  complement: ResolvedGarment;
  displayName: string;
  harmony: HarmonyScheme;
  /** Weighted styling score of the chosen look, 0..1. */
  score: number;
  /** One line per decision: category, color, material, pattern, fit, length (and brand). */
  rationale: string[];
  seed: number;
  /** Distinct colors of the whole look (`#rrggbb`), at most three. */
  visibleColors: string[];
  brandSlug: string | null;
}

const CANDIDATES = 12;
const MAX_VISIBLE_COLORS = 3;
const WEIGHTS = {
  category: 0.1,
  color: 0.3,
  material: 0.15,
  pattern: 0.12,
  fit: 0.12,
  length: 0.11,
  brand: 0.1,
};

interface Candidate {
  garment: ResolvedGarment;
  harmony: HarmonyScheme;
  score: number;
  rationale: string[];
  visibleColors: string[];
}

type Scored<T> = { value: T; score: number; reason: string };

/** Sample a choice with probability growing steeply with its rule score (zero never chosen). */
function sampleScored<T>(
  prng: Prng,
  options: readonly Scored<T>[],
  bias: (o: Scored<T>) => number = () => 1,
): Scored<T> | null {
  const viable = options.filter((o) => o.score > 0);
  if (viable.length === 0) return null;
  return pickWeighted(prng, viable, (o) => o.score ** 3 * bias(o));
}

function schemeWeights(product: ColorPoint): [HarmonyScheme, number][] {
  if (product.achromatic)
    return [
      ["neutral_anchor", 0.75],
      ["monochrome", 0.25],
    ];
  if (product.neutral) {
    return [
      ["neutral_anchor", 0.5],
      ["monochrome", 0.2],
      ["analogous", 0.12],
      ["complementary", 0.12],
      ["triadic", 0.06],
    ];
  }
  return [
    ["neutral_anchor", 0.4],
    ["analogous", 0.2],
    ["monochrome", 0.15],
    ["complementary", 0.15],
    ["triadic", 0.1],
  ];
}

/** Proposes a complement color: a harmony scheme, the brand palette, or a color taken from the product's print. */
function chooseColor(
  product: GarmentFacts,
  brand: BrandStyleGuide | null,
  prng: Prng,
): { color: ColorPoint; echo: boolean } {
  const main = product.color;
  const usable = (c: ColorPoint) =>
    deltaE2000(c.lab, main.lab) >= SAME_COLOR_DELTA_E && !brandForbidsColor(brand, c);
  for (let attempt = 0; attempt < 4; attempt++) {
    const roll = prng.next();
    const accent = product.accent;
    if (accent && roll < 0.3 && usable(accent)) return { color: accent, echo: true };
    const palette = brand ? brandColors(brand).palette : [];
    if (palette.length > 0 && roll > 0.6) {
      const pick = palette[Math.floor(prng.next() * palette.length)];
      const color = pick && colorPoint(pick.hex, pick.name);
      if (color && usable(color)) return { color, echo: false };
      continue;
    }
    const schemes = schemeWeights(main);
    const scheme = pickWeighted(prng, schemes, ([, w]) => w)[0];
    const color = proposeColor(main, scheme, prng);
    if (usable(color)) return { color, echo: false };
  }
  // Deterministic fallback: the neutral with the most value contrast that the brand allows.
  const fallback = [...neutralAnchors()]
    .filter(usable)
    .sort((a, b) => Math.abs(b.oklch.l - main.oklch.l) - Math.abs(a.oklch.l - main.oklch.l))[0];
  return {
    color:
      fallback ??
      colorPoint(
        main.oklch.l > 0.5 ? "#111111" : "#f8f8f6",
        main.oklch.l > 0.5 ? "black" : "white",
      ),
    echo: false,
  };
}

function complementAccent(
  pattern: PatternKey,
  color: ColorPoint,
  product: GarmentFacts,
): string | null {
  if (pattern === "solid") return null;
  if (PATTERNS[pattern].tonal && product.garment.pattern !== "solid") return tonalShade(color);
  // Share a color with the product: prints that share a color look intentional.
  return product.color.hex;
}

function buildCandidate(
  product: GarmentFacts,
  option: CategoryOption,
  brand: BrandStyleGuide | null,
  prng: Prng,
): Candidate | null {
  const p = product.garment;
  const { category, styling } = option;

  const { color, echo } = chooseColor(product, brand, prng);
  const colorAssessment = assessColor(product.color, color);
  if (colorAssessment.score === 0) return null;
  const colorScore = Math.min(1, colorAssessment.score + (echo ? 0.1 : 0));

  const material = sampleScored<MaterialKey>(
    prng,
    styling.materials
      .filter((m) => !brandForbidsMaterial(brand, m))
      .map((m) => ({ value: m, ...assessTexture(p.material, m) })),
    (o) =>
      (o.value === styling.defaultMaterial ? 1.3 : 1) *
      (brand?.preferMaterials.includes(o.value) ? 1.6 : 1) *
      (brand?.avoidMaterials.includes(o.value) ? 0.4 : 1),
  );
  if (!material) return null;

  const pattern = sampleScored<PatternKey>(
    prng,
    styling.patterns
      .filter((k) => !brandForbidsPattern(brand, k) && patternSuitsMaterial(k, material.value))
      .map((k) => ({ value: k, ...assessPattern(p.pattern, k) })),
    // Most garments are solid; prints are the exception that makes a look (solid ≈ 60%).
    (o) =>
      (o.value === "solid" ? Math.max(1, 1.5 * (styling.patterns.length - 1)) : 1) *
      (brand?.preferPatterns.includes(o.value) ? 1.5 : 1),
  );
  if (!pattern) return null;

  const productFit = product.styling.hasFit ? p.fit : null;
  const fit: Scored<Fit> | null = styling.hasFit
    ? sampleScored<Fit>(
        prng,
        styling.fits.map((f) => ({
          value: f,
          ...assessFit(productFit, f, true),
        })),
        (o) =>
          (brand?.preferFits.includes(o.value) ? 1.4 : 1) *
          (o.value === styling.defaultFit ? 1.2 : 1),
      )
    : { value: "regular", ...assessFit(productFit, "regular", false) };
  if (!fit) return null;

  const productLength = { slot: p.slot, length: p.length };
  const length: Scored<LengthKey | null> | null =
    styling.lengths.length > 0
      ? sampleScored<LengthKey | null>(
          prng,
          styling.lengths.map((l) => ({
            value: l,
            ...assessLength(productLength, { slot: category.slot, length: l }),
          })),
          (o) => (o.value === styling.defaultLength ? 1.3 : 1),
        )
      : { value: null, ...assessLength(productLength, { slot: category.slot, length: null }) };
  if (!length) return null;

  const garment: ResolvedGarment = {
    categoryId: category.publicId,
    categoryName: category.name,
    slot: category.slot,
    silhouette: category.silhouette,
    colorHex: color.hex,
    colorName: color.name,
    accentColorHex: complementAccent(pattern.value, color, product),
    pattern: pattern.value,
    material: material.value,
    fit: fit.value,
    length: length.value,
  };
  const colors = visibleColors([p, garment]);
  if (colors.length > MAX_VISIBLE_COLORS) return null;

  const brandAssessment = brand
    ? assessBrand(brand, {
        color,
        material: material.value,
        pattern: pattern.value,
        fit: fit.value,
      })
    : null;
  const parts: [number, number][] = [
    [WEIGHTS.category, option.score],
    [WEIGHTS.color, colorScore],
    [WEIGHTS.material, material.score],
    [WEIGHTS.pattern, pattern.score],
    [WEIGHTS.fit, fit.score],
    [WEIGHTS.length, length.score],
  ];
  if (brandAssessment) parts.push([WEIGHTS.brand, brandAssessment.score]);
  const totalWeight = parts.reduce((s, [w]) => s + w, 0);
  const score = parts.reduce((s, [w, v]) => s + w * v, 0) / totalWeight;

  const rationale = [
    `Category: ${option.reason}.`,
    `Color: ${colorAssessment.reason}${echo ? ", echoing the second color of the print" : ""}; ${colors.length} visible color${colors.length === 1 ? "" : "s"} in the look.`,
    `Material: ${material.reason}.`,
    `Pattern: ${pattern.reason}.`,
    `Fit: ${fit.reason}.`,
    `Length: ${length.reason}.`,
  ];
  if (brand && brandAssessment) {
    rationale.push(
      `Brand: styled to ${brand.name}'s guide${brand.forbidPrints ? " (no prints)" : ""}${brandAssessment.notes.length > 0 ? `; ${brandAssessment.notes.join("; ")}` : ""}.`,
    );
  }
  return { garment, harmony: colorAssessment.harmony, score, rationale, visibleColors: colors };
}

/**
 * Designs the garment that completes the look around `product`: category, color, material,
 * pattern, fit and length chosen by styling rules in perceptual color space, several seeded
 * candidates scored, the best returned. Deterministic for a given seed. Throws
 * `UnknownCategoryError`, `UnrecognizedColorError` or `IncompatibleCategoryError`.
 */
export function planComplement(
  product: ProductSpec | ResolvedGarment,
  options: PlanOptions,
): ComplementPlan {
  const facts = garmentFacts(isResolvedGarment(product) ? product : resolveProduct(product));
  const brand = options.brand ?? null;
  const seed = options.seed >>> 0;
  const prng = createPrng(seed);
  const categories = candidateCategories(facts, brand, options.targetCategoryId);

  let best: { candidate: Candidate; rank: number } | null = null;
  for (let i = 0; i < CANDIDATES * 3 && (i < CANDIDATES || best === null); i++) {
    const option = pickWeighted(prng, categories, (o) => o.weight);
    const candidate = buildCandidate(facts, option, brand, prng);
    // A little seeded jitter lets different seeds pick different near-equal looks.
    const rank = (candidate?.score ?? 0) + prng.range(0, 0.03);
    if (candidate && (!best || rank > best.rank)) best = { candidate, rank };
  }
  if (!best) throw new Error(`No valid complement for ${facts.category.slug}`);
  const { candidate } = best;
  return {
    product: facts.garment,
    complement: candidate.garment,
    displayName: complementDisplayName(candidate.garment),
    harmony: candidate.harmony,
    score: Math.round(candidate.score * 1000) / 1000,
    rationale: candidate.rationale,
    seed,
    visibleColors: candidate.visibleColors,
    brandSlug: brand?.slug ?? null,
  };
}
