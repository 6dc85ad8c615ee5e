import { MATERIALS } from "../vocabulary/materials";
import { PATTERNS } from "../vocabulary/patterns";
import { colorPoint } from "./color-point";
import type { ComplementPlan } from "./plan-complement";

function patternPhrase(plan: ComplementPlan): string {
  const g = plan.complement;
  if (g.pattern === "solid") return "solid, no print";
  const accent = g.accentColorHex ? colorPoint(g.accentColorHex).name : null;
  return `${g.pattern.replace("_", " ")} pattern${accent ? ` in ${g.colorName} and ${accent}` : ""}`;
}

function fitPhrase(plan: ComplementPlan): string | null {
  const g = plan.complement;
  return g.slot === "footwear" || g.slot === "accessory" ? null : `${g.fit} fit`;
}

function lengthPhrase(plan: ComplementPlan): string | null {
  const l = plan.complement.length;
  return l ? `${l} length` : null;
}

/** The styling intent in a few words, for the model and the catalog copy. */
function stylingIntent(plan: ComplementPlan): string {
  const p = plan.product;
  const productPattern = p.pattern === "solid" ? "" : ` ${p.pattern.replace("_", " ")}`;
  return `designed to complete a look with a ${p.colorName}${productPattern} ${p.material} ${p.categoryName.toLowerCase()} (${plan.harmony.replace("_", " ")} color harmony)`;
}

/**
 * A prompt for hosted image models: a flat-lay product photo of the complement alone, on a
 * clean light background, with no person, spelling out color, material, pattern, fit, length.
 */
export function buildImagePrompt(plan: ComplementPlan): string {
  const g = plan.complement;
  const details = [
    `color: ${g.colorName} (${g.colorHex})`,
    `material: ${g.material} (${MATERIALS[g.material].sheen} ${MATERIALS[g.material].weight}-weight fabric)`,
    `pattern: ${patternPhrase(plan)}`,
    fitPhrase(plan),
    lengthPhrase(plan),
  ].filter((d): d is string => d !== null);
  return [
    `Professional e-commerce flat-lay product photograph of a single ${plan.displayName.toLowerCase()}, ${stylingIntent(plan)}.`,
    `${details.join("; ")}.`,
    "The garment is laid flat, neatly arranged, seen from directly above, centered with even margins, fully in frame.",
    "Clean plain light off-white background, soft diffused studio lighting, gentle natural shadow, true-to-life color, sharp fabric texture.",
    "Only this one item: no person, no model, no mannequin, no hands, no other garments or props, no text, no logo, no watermark.",
  ].join(" ");
}

/** One catalog paragraph describing the complement and how it works with the product. */
export function describeComplement(plan: ComplementPlan): string {
  const g = plan.complement;
  const material = MATERIALS[g.material];
  const pattern =
    g.pattern === "solid"
      ? "in a clean solid"
      : `in a ${PATTERNS[g.pattern].description.replace(/\.$/, "").toLowerCase()}`;
  const fit = g.slot === "footwear" || g.slot === "accessory" ? "" : ` with a ${g.fit} fit`;
  const length = g.length ? `, ${g.length} length` : "";
  return (
    `${plan.displayName}: ${g.colorName} ${g.material} ${pattern}${fit}${length}. ` +
    `${material.description} ` +
    `It is ${stylingIntent(plan)}, keeping the look to ${plan.visibleColors.length} color${plan.visibleColors.length === 1 ? "" : "s"}.`
  );
}
