import type { MaterialKey, PatternKey, Fit } from "@garment/schemas";
import type { BrandStyleGuide } from "../../brands/brand-style-guide";
import { deltaE2000 } from "../../color/color-space";
import { parseColor } from "../../color/parse-color";
import type { LabCoords } from "../../color/color-space";
import { SAME_COLOR_DELTA_E } from "../color-harmony";
import type { ColorPoint } from "../color-point";

interface BrandColors {
  palette: { name: string; hex: string; lab: LabCoords }[];
  avoid: LabCoords[];
  forbid: LabCoords[];
}

const colorCache = new WeakMap<BrandStyleGuide, BrandColors>();

function labs(names: readonly string[]): { name: string; hex: string; lab: LabCoords }[] {
  return names.flatMap((name) => {
    const parsed = parseColor(name);
    return parsed ? [{ name: parsed.name, hex: parsed.hex, lab: parsed.lab }] : [];
  });
}

/** The brand's colors, parsed once per guide. */
export function brandColors(brand: BrandStyleGuide): BrandColors {
  const hit = colorCache.get(brand);
  if (hit) return hit;
  const colors: BrandColors = {
    palette: labs(brand.palette),
    avoid: labs(brand.avoidColors).map((c) => c.lab),
    forbid: labs(brand.forbidColors).map((c) => c.lab),
  };
  colorCache.set(brand, colors);
  return colors;
}

const near = (lab: LabCoords, list: readonly LabCoords[]) =>
  list.some((x) => deltaE2000(lab, x) < SAME_COLOR_DELTA_E);

export function brandForbidsColor(brand: BrandStyleGuide | null, color: ColorPoint): boolean {
  return brand !== null && near(color.lab, brandColors(brand).forbid);
}

export function brandForbidsPattern(brand: BrandStyleGuide | null, pattern: PatternKey): boolean {
  if (!brand) return false;
  if (brand.forbidPrints && pattern !== "solid") return true;
  return brand.forbidPatterns.includes(pattern);
}

export function brandForbidsMaterial(
  brand: BrandStyleGuide | null,
  material: MaterialKey,
): boolean {
  return brand !== null && brand.forbidMaterials.includes(material);
}

export interface BrandAssessment {
  score: number;
  notes: string[];
}

/** How on-brand a candidate is: palette, preferred materials, patterns and fits. */
export function assessBrand(
  brand: BrandStyleGuide,
  choice: { color: ColorPoint; material: MaterialKey; pattern: PatternKey; fit: Fit },
): BrandAssessment {
  const colors = brandColors(brand);
  const notes: string[] = [];
  let score = 0.5;
  if (colors.palette.some((p) => deltaE2000(choice.color.lab, p.lab) < SAME_COLOR_DELTA_E)) {
    score += 0.2;
    notes.push(`${choice.color.name} is in the ${brand.name} palette`);
  }
  if (near(choice.color.lab, colors.avoid)) {
    score -= 0.25;
    notes.push(`${choice.color.name} is off-palette for ${brand.name}`);
  }
  if (brand.preferMaterials.includes(choice.material)) score += 0.15;
  if (brand.avoidMaterials.includes(choice.material)) score -= 0.2;
  if (brand.preferPatterns.includes(choice.pattern)) score += 0.1;
  if (brand.preferFits.includes(choice.fit)) score += 0.05;
  return { score: Math.min(1, Math.max(0, score)), notes };
}
