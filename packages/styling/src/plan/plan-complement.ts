import type { Fit, LengthKey, MaterialKey, PatternKey, ResolvedGarment } from "@garment/schemas";
import type { BrandStyleGuide } from "../brands/brand-style-guide";
import { deltaE2000 } from "../color/color-space";
import { hueTemplateFit, hueTemplateScore, type HueTemplateFit } from "../color/hue-templates";
import type { CategoryStyling } from "../taxonomy/category-styling";
import { formalityLevel, formalityValue, type FormalityLevel } from "../taxonomy/formality";
import { warmthClass, warmthValue, type WarmthClass } from "../taxonomy/warmth";
import { PATTERNS } from "../vocabulary/patterns";
import {
  candidateCategories,
  type CategoryContext,
  type CategoryOption,
} from "./candidate-categories";
import {
  SAME_COLOR_DELTA_E,
  assessColor,
  isLoud,
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
import {
  assessFormality,
  formalityFit,
  type FormalityAssessment,
  type FormalityPiece,
} from "./rules/formality-rules";
import { assessLength } from "./rules/length-rules";
import { assessPattern, patternSuitsMaterial } from "./rules/pattern-rules";
import { assessSeason, seasonFit, type SeasonAssessment } from "./rules/season-rules";
import { assessTexture } from "./rules/texture-rules";
import { seasonFromMetadata, type Season } from "./season-hint";
import { visibleColors } from "./visible-colors";

export interface PlanOptions {
  /** Same product + seed (+ brand, target, metadata) → the same plan. */
  seed: number;
  brand?: BrandStyleGuide | null;
  /** Design this category rather than letting the engine choose (must be compatible). */
  targetCategoryId?: string;
  /** The request's metadata: `metadata.season` (spring, summer, autumn/fall, winter) hints the season. */
  metadata?: Record<string, unknown> | null;
}

/** Every part of the weighted score, 0..1, plus the outside harmony model. */
export interface PlanScores {
  overall: number;
  category: number;
  color: number;
  material: number;
  pattern: number;
  fit: number;
  length: number;
  formality: number;
  season: number;
  brand: number | null;
  /** Matsuda's hue templates over the look's visible colours: does it fit one, and which. */
  hueTemplate: HueTemplateFit;
}

export interface ComplementPlan {
  product: ResolvedGarment;
  complement: ResolvedGarment;
  displayName: string;
  harmony: HarmonyScheme;
  /** Weighted styling score of the chosen look, 0..1 (= scores.overall). */
  score: number;
  scores: PlanScores;
  /** Both pieces on the formality scale; `contrast` names a deliberate gap past one step. */
  formality: {
    product: FormalityLevel;
    complement: FormalityLevel;
    steps: number;
    contrast: string | null;
  };
  /** The hinted season (null: none) and the weight class of each piece. */
  season: { hint: Season | null; product: WarmthClass; complement: WarmthClass };
  /**
   * One line per decision: category (and why this slot), color, material, pattern, fit,
   * length, formality, season (and brand).
   */
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
  color: 0.26,
  material: 0.12,
  pattern: 0.1,
  fit: 0.1,
  length: 0.09,
  formality: 0.13,
  season: 0.1,
  brand: 0.1,
};
/** Share of the colour score given to the hue-template fit (the rest: our harmony rules). */
const TEMPLATE_SHARE = 0.25;

interface Candidate {
  garment: ResolvedGarment;
  option: CategoryOption;
  harmony: HarmonyScheme;
  score: number;
  scores: Omit<PlanScores, "overall">;
  formality: FormalityAssessment;
  warmth: number;
  lines: {
    color: string;
    material: string;
    pattern: string;
    fit: string;
    length: string;
    formality: string;
    season: string;
    brand: string | null;
  };
  visibleColors: string[];
}

interface PlanContext extends CategoryContext {
  prng: Prng;
  requested: boolean;
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
  // A loud product leads alone: a neutral, or a quiet tone of its own family.
  if (isLoud(product))
    return [
      ["neutral_anchor", 0.65],
      ["monochrome", 0.35],
    ];
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

const quietPattern = (k: PatternKey) => k === "solid" || PATTERNS[k].behavesAsNeutral;

/** The product and a candidate as the formality rule sees them. */
function formalityPieces(
  ctx: PlanContext,
  styling: CategoryStyling,
  name: string,
  material: MaterialKey,
  pattern: PatternKey,
): [FormalityPiece, FormalityPiece] {
  const p = ctx.product;
  return [
    {
      value: p.formality,
      name: p.category.name.toLowerCase(),
      dressDown: p.styling.dressDown,
      quiet: quietPattern(p.garment.pattern),
    },
    {
      value: formalityValue(styling.formality, material, pattern),
      name: name.toLowerCase(),
      dressDown: styling.dressDown,
      quiet: quietPattern(pattern),
    },
  ];
}

function formalityOf(
  ctx: PlanContext,
  styling: CategoryStyling,
  name: string,
  material: MaterialKey,
  pattern: PatternKey,
): FormalityAssessment {
  const [product, candidate] = formalityPieces(ctx, styling, name, material, pattern);
  return assessFormality(product, candidate, ctx.requested || ctx.relaxed);
}

/** The same rule, numbers only: for scoring every material and pattern option. */
function formalityScore(
  ctx: PlanContext,
  styling: CategoryStyling,
  name: string,
  material: MaterialKey,
  pattern: PatternKey,
): { allowed: boolean; score: number } {
  const [product, candidate] = formalityPieces(ctx, styling, name, material, pattern);
  return formalityFit(product, candidate, ctx.requested || ctx.relaxed);
}

/** The season rule, numbers only (relaxed: a disallowed weight still scores a little). */
function seasonScore(
  ctx: PlanContext,
  styling: CategoryStyling,
  material: MaterialKey,
  pattern: PatternKey,
  length: LengthKey | null,
): { allowed: boolean; score: number } {
  const fit = seasonFit(
    ctx.product.warmth,
    warmthValue(styling.warmth, material, pattern, length),
    ctx.season,
  );
  return fit.allowed || !ctx.relaxed ? fit : { allowed: true, score: 0.2 };
}

function seasonOf(
  ctx: PlanContext,
  styling: CategoryStyling,
  material: MaterialKey,
  pattern: PatternKey,
  length: LengthKey | null,
): SeasonAssessment & { warmth: number } {
  const warmth = warmthValue(styling.warmth, material, pattern, length);
  const assessment = assessSeason(ctx.product.warmth, warmth, ctx.season);
  if (assessment.allowed || !ctx.relaxed) return { ...assessment, warmth };
  return {
    score: 0.2,
    allowed: true,
    warmth,
    reason: `${assessment.reason}, accepted only because nothing else could be made here`,
  };
}

/** Soft factor from a rule's score: a disallowed choice is dropped, an allowed one weighted. */
const factor = (a: { allowed: boolean; score: number }) => (a.allowed ? 0.4 + 0.6 * a.score : 0);

function buildCandidate(ctx: PlanContext, option: CategoryOption): Candidate | null {
  const { product, brand, prng } = ctx;
  const p = product.garment;
  const { category, styling } = option;

  const { color, echo } = chooseColor(product, brand, prng);
  const colorAssessment = assessColor(product.color, color);
  if (colorAssessment.score === 0) return null;

  // Cloth is chosen by the rules: texture contrast, the register and the season it gives the
  // category, and the brand. No category default is favoured.
  const material = sampleScored<MaterialKey>(
    prng,
    styling.materials
      .filter((m) => !brandForbidsMaterial(brand, m))
      .map((m) => {
        const texture = assessTexture(p.material, m);
        const register = factor(formalityScore(ctx, styling, category.name, m, "solid"));
        const season = factor(seasonScore(ctx, styling, m, "solid", styling.defaultLength));
        return { value: m, score: texture.score * register * season, reason: texture.reason };
      }),
    (o) =>
      (brand?.preferMaterials.includes(o.value) ? 1.6 : 1) *
      (brand?.avoidMaterials.includes(o.value) ? 0.4 : 1),
  );
  if (!material) return null;

  const pattern = sampleScored<PatternKey>(
    prng,
    styling.patterns
      .filter((k) => !brandForbidsPattern(brand, k) && patternSuitsMaterial(k, material.value))
      .map((k) => {
        const rule = assessPattern(p.pattern, k);
        const register = factor(formalityScore(ctx, styling, category.name, material.value, k));
        return { value: k, score: rule.score * register, reason: rule.reason };
      }),
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
          styling.lengths.map((l) => {
            const rule = assessLength(productLength, { slot: category.slot, length: l });
            const season = factor(seasonScore(ctx, styling, material.value, pattern.value, l));
            return { value: l, score: rule.score * season, reason: rule.reason };
          }),
          (o) => (o.value === styling.defaultLength ? 1.3 : 1),
        )
      : { value: null, ...assessLength(productLength, { slot: category.slot, length: null }) };
  if (!length) return null;

  const formality = formalityOf(ctx, styling, category.name, material.value, pattern.value);
  const season = seasonOf(ctx, styling, material.value, pattern.value, length.value);
  if (!formality.allowed || !season.allowed) return null;

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
  const template = hueTemplateFit(colors);
  const colorScore = Math.min(
    1,
    (1 - TEMPLATE_SHARE) * (colorAssessment.score + (echo ? 0.1 : 0)) +
      TEMPLATE_SHARE * hueTemplateScore(template),
  );

  const brandAssessment = brand
    ? assessBrand(brand, {
        color,
        material: material.value,
        pattern: pattern.value,
        fit: fit.value,
      })
    : null;
  // Material and length scores in the total are their own rules' (texture, proportion):
  // formality and season are weighed once, on their own lines.
  const materialScore = assessTexture(p.material, material.value).score;
  const lengthScore = assessLength(productLength, {
    slot: category.slot,
    length: length.value,
  }).score;
  const scores: Omit<PlanScores, "overall"> = {
    category: option.score,
    color: colorScore,
    material: materialScore,
    pattern: pattern.score,
    fit: fit.score,
    length: lengthScore,
    formality: formality.score,
    season: season.score,
    brand: brandAssessment?.score ?? null,
    hueTemplate: template,
  };
  const parts: [number, number][] = [
    [WEIGHTS.category, scores.category],
    [WEIGHTS.color, scores.color],
    [WEIGHTS.material, scores.material],
    [WEIGHTS.pattern, scores.pattern],
    [WEIGHTS.fit, scores.fit],
    [WEIGHTS.length, scores.length],
    [WEIGHTS.formality, scores.formality],
    [WEIGHTS.season, scores.season],
  ];
  if (brandAssessment) parts.push([WEIGHTS.brand, brandAssessment.score]);
  const totalWeight = parts.reduce((s, [w]) => s + w, 0);
  const score = parts.reduce((s, [w, v]) => s + w * v, 0) / totalWeight;

  const templateNote = template.fits
    ? template.template === "N"
      ? "no hue to place on the wheel"
      : `the hues fit Matsuda's ${template.template} template`
    : `${template.offDegrees}° off Matsuda's nearest (${template.template}) template`;
  return {
    garment,
    option,
    harmony: colorAssessment.harmony,
    score,
    scores,
    formality,
    warmth: season.warmth,
    visibleColors: colors,
    lines: {
      color: `Color: ${colorAssessment.reason}${echo ? ", echoing the second color of the print" : ""}; ${colors.length} visible color${colors.length === 1 ? "" : "s"} in the look, ${templateNote}.`,
      material: `Material: ${material.reason}.`,
      pattern: `Pattern: ${pattern.reason}.`,
      fit: `Fit: ${fit.reason}.`,
      length: `Length: ${length.reason}.`,
      formality: `Formality: ${formality.reason}.`,
      season: `Season: ${season.reason}.`,
      brand:
        brand && brandAssessment
          ? `Brand: styled to ${brand.name}'s guide${brand.forbidPrints ? " (no prints)" : ""}${brandAssessment.notes.length > 0 ? `; ${brandAssessment.notes.join("; ")}` : ""}.`
          : null,
    },
  };
}

const SLOT_WORD: Readonly<Record<string, string>> = {
  top: "top",
  bottom: "bottom",
  one_piece: "one-piece",
  outerwear: "layer",
  footwear: "shoes",
  accessory: "accessory",
};

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Why this slot won: the best look of each other slot tried, and how it scored. */
function slotComparison(
  winner: Candidate,
  bestBySlot: ReadonlyMap<string, Candidate>,
  options: readonly CategoryOption[],
): string {
  const others = [...new Set(options.map((o) => o.category.slot))].filter(
    (s) => s !== winner.garment.slot,
  );
  if (others.length === 0) return "the only slot asked for";
  const tried: string[] = [];
  const untried: string[] = [];
  for (const slot of others) {
    const best = bestBySlot.get(slot);
    if (best)
      tried.push(
        `${SLOT_WORD[slot]} (${best.garment.categoryName.toLowerCase()}, ${best.score.toFixed(2)})`,
      );
    else untried.push(SLOT_WORD[slot] ?? slot);
  }
  const ahead = tried.length > 0 ? `, ahead of the best ${listJoin(tried)}` : "";
  const none = untried.length > 0 ? `; no ${listJoin(untried)} look came up for this seed` : "";
  return `its look scored ${winner.score.toFixed(2)}${ahead}${none}`;
}

function search(ctx: PlanContext, targetCategoryId: string | undefined) {
  const options = candidateCategories(ctx, targetCategoryId);
  if (options.length === 0) return null;
  const bestBySlot = new Map<string, Candidate>();
  let best: { candidate: Candidate; rank: number } | null = null;
  for (let i = 0; i < CANDIDATES * 3 && (i < CANDIDATES || best === null); i++) {
    const option = pickWeighted(ctx.prng, options, (o) => o.weight);
    const candidate = buildCandidate(ctx, option);
    // A little seeded jitter lets different seeds pick different near-equal looks.
    const rank = (candidate?.score ?? 0) + ctx.prng.range(0, 0.03);
    if (!candidate) continue;
    const slotBest = bestBySlot.get(candidate.garment.slot);
    if (!slotBest || candidate.score > slotBest.score)
      bestBySlot.set(candidate.garment.slot, candidate);
    if (!best || rank > best.rank) best = { candidate, rank };
  }
  return best ? { winner: best.candidate, bestBySlot, options } : null;
}

/**
 * Designs the garment that completes the look around `product`: category, color, material,
 * pattern, fit and length chosen by styling rules (formality register, season and weight,
 * colour harmony in perceptual space, texture, proportion), several seeded candidates scored,
 * the best returned. Deterministic for a given seed. Throws `UnknownCategoryError`,
 * `UnrecognizedColorError` or `IncompatibleCategoryError`.
 */
export function planComplement(
  product: ProductSpec | ResolvedGarment,
  options: PlanOptions,
): ComplementPlan {
  const facts = garmentFacts(isResolvedGarment(product) ? product : resolveProduct(product));
  const brand = options.brand ?? null;
  const seed = options.seed >>> 0;
  const hint = seasonFromMetadata(options.metadata);
  const base = {
    product: facts,
    brand,
    season: hint.season,
    requested: options.targetCategoryId !== undefined,
    prng: createPrng(seed),
  };
  // Strict first; only when the hard rules leave nothing (a brand or a target boxing the look
  // in) are formality and season relaxed, and the rationale says so.
  const found =
    search({ ...base, relaxed: false }, options.targetCategoryId) ??
    search({ ...base, relaxed: true }, options.targetCategoryId);
  if (!found) throw new Error(`No valid complement for ${facts.category.slug}`);
  const { winner, bestBySlot } = found;
  const option = winner.option;
  const hintLine = hint.unrecognized
    ? ` (metadata.season ${hint.unrecognized} not recognised: use spring, summer, autumn or winter)`
    : "";
  const rationale = [
    `Category: ${option.category.name} (${SLOT_WORD[option.category.slot]}): ${option.reason}; ${slotComparison(winner, bestBySlot, found.options)}.`,
    winner.lines.color,
    winner.lines.material,
    winner.lines.pattern,
    winner.lines.fit,
    winner.lines.length,
    winner.lines.formality,
    winner.lines.season.replace(/\.$/, `${hintLine}.`),
  ];
  if (winner.lines.brand) rationale.push(winner.lines.brand);
  const overall = Math.round(winner.score * 1000) / 1000;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const s = winner.scores;
  return {
    product: facts.garment,
    complement: winner.garment,
    displayName: complementDisplayName(winner.garment),
    harmony: winner.harmony,
    score: overall,
    scores: {
      overall,
      category: round(s.category),
      color: round(s.color),
      material: round(s.material),
      pattern: round(s.pattern),
      fit: round(s.fit),
      length: round(s.length),
      formality: round(s.formality),
      season: round(s.season),
      brand: s.brand === null ? null : round(s.brand),
      hueTemplate: s.hueTemplate,
    },
    formality: {
      product: formalityLevel(facts.formality),
      complement: formalityLevel(
        formalityValue(option.styling.formality, winner.garment.material, winner.garment.pattern),
      ),
      steps: winner.formality.steps,
      contrast: winner.formality.contrast,
    },
    season: {
      hint: hint.season,
      product: warmthClass(facts.warmth),
      complement: warmthClass(winner.warmth),
    },
    rationale,
    seed,
    visibleColors: winner.visibleColors,
    brandSlug: brand?.slug ?? null,
  };
}
