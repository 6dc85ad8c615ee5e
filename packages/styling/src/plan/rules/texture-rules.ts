import type { MaterialKey } from "@garment/schemas";
import { MATERIALS } from "../../vocabulary/materials";

const SUMMER: ReadonlySet<MaterialKey> = new Set(["linen", "chiffon"]);
const WINTER: ReadonlySet<MaterialKey> = new Set([
  "wool",
  "tweed",
  "fleece",
  "mohair",
  "boucle",
  "corduroy",
  "cashmere",
  "velvet",
]);
const WEIGHT_RANK = { light: 0, medium: 1, heavy: 2 } as const;

/** Hard texture rules: never two fuzzy textures, never a second piece of a statement material. */
export function textureForbidden(product: MaterialKey, candidate: MaterialKey): string | null {
  const p = MATERIALS[product];
  const c = MATERIALS[candidate];
  if (p.fuzzy && c.fuzzy) return `two fuzzy textures (${product} and ${candidate}) blur together`;
  if (p.statement && product === candidate) return `a second ${candidate} piece reads as a costume`;
  return null;
}

export interface TextureAssessment {
  score: number;
  reason: string;
}

/** Texture contrast: matte with sheen, heavy with light, a hard piece anchoring a soft one. */
export function assessTexture(product: MaterialKey, candidate: MaterialKey): TextureAssessment {
  const forbidden = textureForbidden(product, candidate);
  if (forbidden) return { score: 0, reason: forbidden };
  const p = MATERIALS[product];
  const c = MATERIALS[candidate];
  const notes: string[] = [];
  const sheen = p.sheen !== c.sheen ? 1 : 0.6;
  if (p.sheen !== c.sheen) notes.push(`${c.sheen} against ${p.sheen}`);
  const weightGap = Math.abs(WEIGHT_RANK[p.weight] - WEIGHT_RANK[c.weight]);
  const weight = weightGap === 2 ? 1 : weightGap === 1 ? 0.8 : 0.55;
  if (weightGap > 0) notes.push(`${c.weight} against ${p.weight}`);
  let extra = 1;
  if (product === "denim" && candidate === "denim") {
    extra = 0.35; // double denim only works with a clear wash contrast; rarely the best choice
    notes.push("double denim");
  } else if (p.hard !== c.hard) {
    notes.push(
      c.hard ? `${candidate} anchors the softer ${product}` : `softens the structured ${product}`,
    );
  }
  if (
    (SUMMER.has(product) && WINTER.has(candidate)) ||
    (WINTER.has(product) && SUMMER.has(candidate))
  ) {
    extra *= 0.5;
    notes.push("mixed seasons");
  }
  const score = (0.45 * sheen + 0.4 * weight + 0.15) * extra;
  const why = notes.length > 0 ? notes.join(", ") : "similar hand, kept quiet";
  return { score, reason: `${cap(candidate)} with ${product}: ${why}` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
