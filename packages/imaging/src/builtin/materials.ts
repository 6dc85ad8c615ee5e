import type { MaterialKey } from "@garment/schemas";
import type { Random } from "../random";
import type { NoiseKind, NoiseLayer } from "./noise-texture";
import { n, type Area, type SvgLayer } from "./svg";

type MaterialInput = { area: Area; random: Random; id: string };

/** One ingredient of a fabric's look; a material is a short list of them. */
type Ingredient =
  | { noise: NoiseKind; opacity: number }
  | { lines: "twill" | "wales" | "ribs" | "jersey" | "weave" | "ripstop"; opacity: number }
  | { sheen: "soft" | "strong" | "radial"; opacity: number }
  | { knit: true; opacity: number }
  | { flecks: "tweed" | "loops" | "hairs"; opacity: number }
  | { sequins: true };

/**
 * Textures are light and dark marks in balance (or overlay-blended noise), so they read as
 * fabric without moving the garment's average colour away from the planned one.
 */
const recipes: Record<MaterialKey, Ingredient[]> = {
  cotton: [{ noise: "grain", opacity: 0.26 }],
  denim: [
    { noise: "slub-vertical", opacity: 0.35 },
    { lines: "twill", opacity: 0.16 },
    { noise: "grain", opacity: 0.3 },
  ],
  linen: [
    { noise: "slub-horizontal", opacity: 0.4 },
    { noise: "slub-vertical", opacity: 0.3 },
    { noise: "grain", opacity: 0.2 },
  ],
  silk: [
    { sheen: "soft", opacity: 0.22 },
    { noise: "grain", opacity: 0.05 },
  ],
  satin: [{ sheen: "strong", opacity: 0.3 }],
  wool: [
    { noise: "fuzz", opacity: 0.35 },
    { noise: "grain", opacity: 0.3 },
    { flecks: "hairs", opacity: 0.12 },
  ],
  cashmere: [
    { noise: "fuzz", opacity: 0.22 },
    { noise: "grain", opacity: 0.16 },
  ],
  knit: [
    { knit: true, opacity: 0.22 },
    { noise: "fuzz", opacity: 0.2 },
  ],
  leather: [
    { sheen: "strong", opacity: 0.2 },
    { noise: "mottle", opacity: 0.22 },
    { noise: "grain", opacity: 0.22 },
  ],
  suede: [
    { noise: "fuzz", opacity: 0.3 },
    { noise: "grain", opacity: 0.35 },
    { noise: "mottle", opacity: 0.18 },
  ],
  corduroy: [
    { lines: "wales", opacity: 0.26 },
    { noise: "grain", opacity: 0.15 },
  ],
  velvet: [
    { sheen: "radial", opacity: 0.28 },
    { noise: "fuzz", opacity: 0.2 },
  ],
  tweed: [
    { flecks: "tweed", opacity: 0.5 },
    { noise: "fuzz", opacity: 0.3 },
    { noise: "grain", opacity: 0.35 },
  ],
  fleece: [
    { noise: "mottle", opacity: 0.25 },
    { noise: "fuzz", opacity: 0.35 },
  ],
  mohair: [
    { noise: "fuzz", opacity: 0.4 },
    { flecks: "hairs", opacity: 0.28 },
  ],
  boucle: [
    { flecks: "loops", opacity: 0.35 },
    { noise: "fuzz", opacity: 0.3 },
  ],
  chiffon: [
    { sheen: "soft", opacity: 0.12 },
    { lines: "jersey", opacity: 0.05 },
  ],
  jersey: [
    { lines: "jersey", opacity: 0.08 },
    { noise: "grain", opacity: 0.15 },
  ],
  nylon: [
    { sheen: "strong", opacity: 0.22 },
    { lines: "ripstop", opacity: 0.07 },
  ],
  polyester: [
    { sheen: "soft", opacity: 0.12 },
    { noise: "grain", opacity: 0.1 },
  ],
  canvas: [
    { lines: "weave", opacity: 0.12 },
    { noise: "grain", opacity: 0.3 },
  ],
  sequin: [{ sequins: true }],
};

/**
 * A material as vector marks (SVG) plus grain that the renderer adds to the pixels
 * afterwards (see noise-texture.ts for why).
 */
export function drawMaterial(
  material: MaterialKey,
  input: MaterialInput,
): { svg: SvgLayer; noise: NoiseLayer[] } {
  const layers: SvgLayer[] = [];
  const noise: NoiseLayer[] = [];
  recipes[material].forEach((ingredient, index) => {
    if ("noise" in ingredient) noise.push({ kind: ingredient.noise, opacity: ingredient.opacity });
    else layers.push(drawIngredient(ingredient, { ...input, id: `${input.id}-${index}` }));
  });
  return {
    svg: { defs: layers.map((l) => l.defs).join(""), body: layers.map((l) => l.body).join("") },
    noise,
  };
}

function drawIngredient(
  ingredient: Exclude<Ingredient, { noise: NoiseKind }>,
  input: MaterialInput,
): SvgLayer {
  const { area, random, id } = input;
  if ("lines" in ingredient)
    return { defs: "", body: drawLines(ingredient.lines, area, ingredient.opacity, random) };
  if ("sheen" in ingredient)
    return drawSheen(ingredient.sheen, area, ingredient.opacity, random, id);
  if ("knit" in ingredient) return { defs: "", body: drawKnit(area, ingredient.opacity) };
  if ("flecks" in ingredient)
    return { defs: "", body: drawFlecks(ingredient.flecks, area, ingredient.opacity, random) };
  return { defs: "", body: drawSequins(area, random) };
}

/** Light and dark strokes of the same path, slightly offset: a raised line with a shadow. */
function raised(d: string, width: number, opacity: number): string {
  return (
    `<path d="${d}" stroke="#000" stroke-opacity="${n(opacity)}" stroke-width="${n(width)}" fill="none"/>` +
    `<path d="${d}" stroke="#fff" stroke-opacity="${n(opacity * 0.9)}" stroke-width="${n(width * 0.6)}" fill="none" transform="translate(${n(width * 0.6)} 0)"/>`
  );
}

function drawLines(
  kind: "twill" | "wales" | "ribs" | "jersey" | "weave" | "ripstop",
  area: Area,
  opacity: number,
  random: Random,
) {
  const { x, y, width, height } = area;
  let d = "";
  if (kind === "twill") {
    // Denim's diagonal wale: lines rising to the right.
    const step = 7;
    for (let k = -height; k < width; k += step)
      d += `M${n(x + k)} ${n(y + height)}l${n(height)} ${n(-height)}`;
    return raised(d, 2.4, opacity);
  }
  if (kind === "wales" || kind === "ribs" || kind === "jersey") {
    const step = kind === "wales" ? 12 : kind === "ribs" ? 9 : 5;
    const offset = random.range(0, step);
    for (let k = offset; k < width; k += step) d += `M${n(x + k)} ${n(y)}v${n(height)}`;
    return raised(d, kind === "wales" ? 5 : kind === "ribs" ? 3.5 : 1.6, opacity);
  }
  const step = kind === "weave" ? 9 : 22;
  for (let k = 0; k < width; k += step) d += `M${n(x + k)} ${n(y)}v${n(height)}`;
  for (let k = 0; k < height; k += step) d += `M${n(x)} ${n(y + k)}h${n(width)}`;
  return raised(d, kind === "weave" ? 1.5 : 1.8, opacity);
}

function drawSheen(
  kind: "soft" | "strong" | "radial",
  area: Area,
  opacity: number,
  random: Random,
  id: string,
): SvgLayer {
  const box = `x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}"`;
  if (kind === "radial") {
    const cx = n(random.range(0.35, 0.6));
    const cy = n(random.range(0.3, 0.5));
    return {
      defs:
        `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r=".7">` +
        `<stop offset="0" stop-color="#fff" stop-opacity="${n(opacity * 0.8)}"/>` +
        `<stop offset=".45" stop-color="#fff" stop-opacity="0"/>` +
        `<stop offset=".7" stop-color="#000" stop-opacity="${n(opacity * 0.5)}"/>` +
        `<stop offset="1" stop-color="#000" stop-opacity="${n(opacity)}"/></radialGradient>`,
      body: `<rect ${box} fill="url(#${id})"/>`,
    };
  }
  // Diagonal bands of light and shadow: the sheen of a smooth fibre catching the light.
  const shift = random.range(-0.08, 0.08);
  const bands = kind === "strong" ? [0.18, 0.3, 0.45, 0.62, 0.8] : [0.25, 0.5, 0.75];
  let stops = `<stop offset="0" stop-color="#000" stop-opacity="0"/>`;
  bands.forEach((at, i) => {
    const color = i % 2 === 0 ? "#fff" : "#000";
    const strength = i % 2 === 0 ? opacity : opacity * 0.75;
    stops += `<stop offset="${n(at + shift - 0.07)}" stop-color="${color}" stop-opacity="0"/>`;
    stops += `<stop offset="${n(at + shift)}" stop-color="${color}" stop-opacity="${n(strength)}"/>`;
    stops += `<stop offset="${n(at + shift + 0.07)}" stop-color="${color}" stop-opacity="0"/>`;
  });
  return {
    defs: `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2=".8">${stops}</linearGradient>`,
    body: `<rect ${box} fill="url(#${id})"/>`,
  };
}

/** Stockinette: columns of small V stitches. */
function drawKnit(area: Area, opacity: number): string {
  const col = 15;
  const row = 12;
  let d = "";
  for (let x = area.x; x < area.x + area.width + col; x += col)
    for (let y = area.y; y < area.y + area.height + row; y += row)
      d += `M${n(x - col / 2 + 1.5)} ${n(y)}l${n(col / 2 - 1.5)} ${n(row * 0.7)}l${n(col / 2 - 1.5)} ${n(-row * 0.7)}`;
  return raised(d, 3, opacity);
}

function drawFlecks(
  kind: "tweed" | "loops" | "hairs",
  area: Area,
  opacity: number,
  random: Random,
): string {
  const count = Math.round((area.width * area.height) / (kind === "hairs" ? 900 : 500));
  let light = "";
  let dark = "";
  for (let i = 0; i < count; i++) {
    const x = area.x + random.range(0, area.width);
    const y = area.y + random.range(0, area.height);
    let mark: string;
    if (kind === "loops") {
      const r = random.range(3, 6);
      mark = `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0`;
    } else {
      const len = kind === "hairs" ? random.range(8, 18) : random.range(3, 8);
      const a = random.range(0, Math.PI);
      mark = `M${n(x)} ${n(y)}l${n(Math.cos(a) * len)} ${n(Math.sin(a) * len)}`;
    }
    if (i % 2 === 0) light += mark;
    else dark += mark;
  }
  const width = kind === "tweed" ? 3 : kind === "loops" ? 2.4 : 1.2;
  return (
    `<path d="${light}" stroke="#fff" stroke-opacity="${n(opacity)}" stroke-width="${width}" fill="none" stroke-linecap="round"/>` +
    `<path d="${dark}" stroke="#000" stroke-opacity="${n(opacity)}" stroke-width="${width}" fill="none" stroke-linecap="round"/>`
  );
}

/** Overlapping discs, each catching the light differently, with a few bright glints. */
function drawSequins(area: Area, random: Random): string {
  const spacing = 12;
  const r = 6.5;
  const buckets = ["", ""];
  let glints = "";
  let row = 0;
  for (let y = area.y; y < area.y + area.height + spacing; y += spacing * 0.87, row++)
    for (
      let x = area.x + (row % 2) * (spacing / 2);
      x < area.x + area.width + spacing;
      x += spacing
    ) {
      const disc = `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
      const roll = random.next();
      if (roll < 0.22) buckets[0] += disc;
      else if (roll < 0.5) buckets[1] += disc;
      if (roll < 0.015) glints += `M${n(x - 9)} ${n(y)}h18M${n(x)} ${n(y - 9)}v18`;
    }
  // Only the discs that catch or lose the light are drawn; the rest is the garment's own colour.
  return (
    `<path d="${buckets[0]}" fill="#fff" fill-opacity=".34"/>` +
    `<path d="${buckets[1]}" fill="#000" fill-opacity=".22"/>` +
    `<path d="${glints}" stroke="#fff" stroke-opacity=".85" stroke-width="2" stroke-linecap="round"/>`
  );
}
