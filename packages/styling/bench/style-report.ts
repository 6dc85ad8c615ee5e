// The style report: a seeded sample of 1,000 plans measured against the rules from the
// outside (registers and warmth recomputed from the tables, not read from the plans), plus
// the style suite's families rerun on their seeds.
import { Fit, MaterialKey, PatternKey, type ResolvedGarment } from "@garment/schemas";
import {
  FASHION_COLORS,
  GARMENT_CATEGORIES,
  LOUD_CHROMA,
  PERMISSIVE_TEMPLATES,
  categoryStyling,
  createPrng,
  findCategory,
  formalityStep,
  formalityValue,
  hexToOklch,
  hueDistance,
  isNeutralColor,
  planComplement,
  seasonsInverted,
  warmthClass,
  warmthValue,
  type ComplementPlan,
} from "../src";
import { STYLE_CASES, STYLE_SEEDS } from "../src/plan/test/style-cases";

export const SAMPLE_SIZE = 1000;
const SAMPLE_SEED = 20261202;
const SEASONS = [null, null, "spring", "summer", "autumn", "winter"] as const;

function register(g: ResolvedGarment) {
  const category = findCategory(g.categoryId);
  if (!category) throw new Error(g.categoryId);
  const styling = categoryStyling(category);
  return {
    step: formalityStep(formalityValue(styling.formality, g.material, g.pattern)),
    season: warmthClass(warmthValue(styling.warmth, g.material, g.pattern, g.length)),
  };
}

const pct = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 10;

export function styleReport() {
  const prng = createPrng(SAMPLE_SEED);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(prng.next() * list.length)];
    if (item === undefined) throw new Error("empty list");
    return item;
  };
  let fits = 0;
  let tightFits = 0;
  let formalityViolations = 0;
  let namedContrasts = 0;
  let seasonInversions = 0;
  let hintViolations = 0;
  let finishing = 0;
  let onePieces = 0;
  let onePieceFinishing = 0;
  let loud = 0;
  let loudKept = 0;
  const templates = new Map<string, number>();
  const materials = new Map<string, number>();
  const slots = new Map<string, number>();
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    const category = pick(GARMENT_CATEGORIES);
    const lengths = categoryStyling(category).lengths;
    const season = pick(SEASONS);
    const plan: ComplementPlan = planComplement(
      {
        categoryId: category.publicId,
        color: pick(FASHION_COLORS).name,
        material: pick(MaterialKey.options),
        pattern: prng.next() < 0.5 ? "solid" : pick(PatternKey.options),
        fit: prng.next() < 0.3 ? null : pick(Fit.options),
        length: lengths.length > 0 && prng.next() < 0.7 ? pick(lengths) : null,
      },
      { seed: Math.floor(prng.next() * 2 ** 32), metadata: season ? { season } : {} },
    );
    const t = plan.scores.hueTemplate;
    if (t.fits) fits++;
    if (t.fits && !PERMISSIVE_TEMPLATES.has(t.template)) tightFits++;
    templates.set(t.template, (templates.get(t.template) ?? 0) + (t.fits ? 1 : 0));
    const p = register(plan.product);
    const c = register(plan.complement);
    const steps = Math.abs(p.step - c.step);
    if (steps > 1 && plan.formality.contrast === null) formalityViolations++;
    if (steps > 1 && plan.formality.contrast !== null) namedContrasts++;
    if (seasonsInverted(p.season, c.season)) seasonInversions++;
    if (
      (season === "summer" && c.season === "winter") ||
      (season === "winter" && c.season === "summer")
    )
      hintViolations++;
    const finishes = plan.complement.slot === "footwear" || plan.complement.slot === "accessory";
    if (finishes) finishing++;
    if (plan.product.slot === "one_piece") {
      onePieces++;
      if (finishes) onePieceFinishing++;
    }
    const productColor = hexToOklch(plan.product.colorHex);
    if (productColor.c >= LOUD_CHROMA) {
      loud++;
      const partner = hexToOklch(plan.complement.colorHex);
      const quietFamily =
        hueDistance(productColor.h, partner.h) <= 35 &&
        (partner.c <= 0.06 || partner.c <= 0.55 * productColor.c);
      if (isNeutralColor(partner) || quietFamily) loudKept++;
    }
    materials.set(plan.complement.material, (materials.get(plan.complement.material) ?? 0) + 1);
    slots.set(plan.complement.slot, (slots.get(plan.complement.slot) ?? 0) + 1);
  }
  const topMaterial = [...materials].sort((a, b) => b[1] - a[1])[0] ?? ["-", 0];

  const families = new Map<string, { cases: number; passed: number }>();
  for (const c of STYLE_CASES) {
    const plans = STYLE_SEEDS.map((seed) =>
      planComplement(c.spec, { seed, metadata: c.metadata ?? null, brand: c.brand ?? null }),
    );
    const ok =
      plans.every((plan) => (c.each ? c.each(plan) === null : true)) &&
      (c.across ? c.across(plans) === null : true);
    const f = families.get(c.family) ?? { cases: 0, passed: 0 };
    families.set(c.family, { cases: f.cases + 1, passed: f.passed + (ok ? 1 : 0) });
  }

  return {
    sample: { plans: SAMPLE_SIZE, seed: SAMPLE_SEED },
    hueTemplateFit: {
      fits,
      share: pct(fits, SAMPLE_SIZE),
      tightFits,
      tightShare: pct(tightFits, SAMPLE_SIZE),
    },
    templates: Object.fromEntries([...templates].sort()),
    formality: { violations: formalityViolations, namedContrasts },
    season: { inversions: seasonInversions, hintViolations },
    wardrobe: {
      footwearOrAccessory: finishing,
      share: pct(finishing, SAMPLE_SIZE),
      onePieceShare: pct(onePieceFinishing, onePieces),
      slots: Object.fromEntries([...slots].sort()),
    },
    materials: {
      distinct: materials.size,
      top: topMaterial[0],
      topShare: pct(topMaterial[1], SAMPLE_SIZE),
    },
    loudProducts: { plans: loud, neutralOrQuietFamily: loudKept },
    styleSuite: {
      familyCases: STYLE_CASES.length,
      seedsPerCase: STYLE_SEEDS.length,
      families: Object.fromEntries(families),
    },
  };
}

export type StyleReport = ReturnType<typeof styleReport>;

export function styleReportMarkdown(r: StyleReport): string {
  const families = Object.entries(r.styleSuite.families)
    .map(([name, f]) => `| ${name} | ${f.cases} | ${f.passed} |`)
    .join("\n");
  const templates = Object.entries(r.templates)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  return [
    `## Style report: ${r.sample.plans} seeded plans (sample seed ${r.sample.seed})`,
    "",
    "Random products (every category, fashion colours, every material and pattern, fits, the",
    "category's lengths), half with a `metadata.season` hint, random plan seeds. Registers and",
    "warmth are recomputed from the tables, not read from the plans. The template fit places every",
    "visible colour of the look (both garments' main and print colours) on the HSV hue wheel; greys,",
    "black, white and ecru (OKLCH C < 0.035) carry no hue and fit any template (a look of only those",
    "is type N). The engine weighs the fit into its colour score, so it rarely picks a look that",
    "fits none.",
    "",
    "| measure | value |",
    "|---|---|",
    `| hue-template fit (Matsuda, strict: every hue inside a sector) | ${r.hueTemplateFit.fits} / ${r.sample.plans} (${r.hueTemplateFit.share} %) |`,
    `| … fitting a tight template (i, I, V, L, Y; not only T or X) | ${r.hueTemplateFit.tightFits} / ${r.sample.plans} (${r.hueTemplateFit.tightShare} %) |`,
    `| formality breaks > 1 step without a named contrast | ${r.formality.violations} |`,
    `| named high-low contrasts (2 steps) | ${r.formality.namedContrasts} |`,
    `| summer/winter inversions | ${r.season.inversions} |`,
    `| complements against the hinted season | ${r.season.hintViolations} |`,
    `| footwear or accessory complements | ${r.wardrobe.footwearOrAccessory} (${r.wardrobe.share} %); ${r.wardrobe.onePieceShare} % of one-piece products |`,
    `| materials used / most used | ${r.materials.distinct} / ${r.materials.top} (${r.materials.topShare} %) |`,
    `| loud products (OKLCH C ≥ 0.15) given a neutral or a quiet own-family partner | ${r.loudProducts.neutralOrQuietFamily} / ${r.loudProducts.plans} |`,
    "",
    `Templates that fit (tightest named): ${templates}. Complement slots: ${Object.entries(
      r.wardrobe.slots,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(", ")}.`,
    "",
    `## Style suite`,
    "",
    `\`packages/styling/src/plan/style-suite.test.ts\` (the original 70 cases: fit balance, one hero`,
    `print, brand guides, texture, length and proportion, colour, category pairing) plus`,
    `${r.styleSuite.familyCases} rule-family cases in \`src/plan/test/style-cases.ts\`, each citing its`,
    `stylist rule and checked on ${r.styleSuite.seedsPerCase} seeds (rerun here):`,
    "",
    "| family | cases | passing |",
    "|---|---|---|",
    families,
    "",
    "Property tests (`src/plan/look-properties.test.ts`, fast-check): no formality break past one",
    "step without a named contrast, no summer/winter inversion nor a complement against the hint,",
    "loud products partnered quietly, a hue template reported, footwear/accessory share ≥ 8 %",
    "(≥ 40 % for one-pieces), no material above a fifth of complements.",
  ].join("\n");
}
