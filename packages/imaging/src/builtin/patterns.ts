import type { PatternKey } from "@garment/schemas";
import { shiftLightness, mixHex } from "../color";
import type { Random } from "../random";
import { roundedPath, type Vertex } from "./geometry";
import { n, type Area, type SvgLayer } from "./svg";
import { herringboneCell, houndstoothCell, twillCells } from "./weave";

export type PatternColors = { main: string; accent: string };

type PatternInput = { area: Area; colors: PatternColors; random: Random; id: string };
type PatternDrawer = (input: PatternInput) => SvgLayer;

/**
 * Each pattern is explicit geometry over the garment's area (the renderer clips it to the
 * fabric). librsvg renders SVG <pattern> tiles very slowly at 4K, while a few thousand
 * sub-paths are quick. Translucency is fill-opacity / stroke-opacity, never element
 * `opacity`: each path has only a fill or only a stroke, so the result is the same, and
 * element opacity makes librsvg paint through a full-canvas offscreen surface (4× slower
 * rasterisation at 4K). The main colour stays the ground so the garment reads as its colour.
 */
const drawers: Record<PatternKey, PatternDrawer> = {
  solid: () => ({ defs: "", body: "" }),

  stripes: ({ area, colors, random }) => {
    const period = 46;
    const phase = random.range(0, period);
    let d = "";
    for (let y = area.y - period + phase; y < area.y + area.height; y += period)
      d += `M${n(area.x)} ${n(y)}h${n(area.width)}v16h${n(-area.width)}z`;
    return { defs: "", body: `<path d="${d}" fill="${colors.accent}"/>` };
  },

  pinstripe: ({ area, colors, random }) => {
    const period = 30;
    const phase = random.range(0, period);
    let d = "";
    for (let x = area.x - period + phase; x < area.x + area.width; x += period)
      d += `M${n(x)} ${n(area.y)}v${n(area.height)}`;
    return {
      defs: "",
      body: `<path d="${d}" stroke="${colors.accent}" stroke-width="2.4" fill="none"/>`,
    };
  },

  check: ({ area, colors, random }) => {
    const period = 64;
    const phase = random.range(0, period);
    let d = "";
    for (let x = area.x - period + phase; x < area.x + area.width; x += period)
      d += `M${n(x)} ${n(area.y)}v${n(area.height)}`;
    for (let y = area.y - period + phase; y < area.y + area.height; y += period)
      d += `M${n(area.x)} ${n(y)}h${n(area.width)}`;
    return {
      defs: "",
      body: `<path d="${d}" stroke="${colors.accent}" stroke-width="7" fill="none" stroke-opacity=".85"/>`,
    };
  },

  gingham: ({ area, colors, random }) => {
    const period = 40;
    const band = 15;
    const phase = random.range(0, period);
    let v = "";
    let h = "";
    for (let x = area.x - period + phase; x < area.x + area.width; x += period)
      v += `M${n(x)} ${n(area.y)}h${band}v${n(area.height)}h${-band}z`;
    for (let y = area.y - period + phase; y < area.y + area.height; y += period)
      h += `M${n(area.x)} ${n(y)}v${band}h${n(area.width)}v${-band}z`;
    return {
      defs: "",
      body: `<path d="${v}" fill="${colors.accent}" fill-opacity=".5"/><path d="${h}" fill="${colors.accent}" fill-opacity=".5"/>`,
    };
  },

  plaid: ({ area, colors, random }) => {
    const period = 130;
    const phase = random.range(0, period);
    const line = shiftLightness(colors.main, colors.main === colors.accent ? 0.3 : -0.25);
    let wide = "";
    let thin = "";
    for (let x = area.x - period + phase; x < area.x + area.width; x += period) {
      wide += `M${n(x)} ${n(area.y)}h38v${n(area.height)}h-38z`;
      thin += `M${n(x + 70)} ${n(area.y)}v${n(area.height)}M${n(x + 80)} ${n(area.y)}v${n(area.height)}`;
    }
    for (let y = area.y - period + phase; y < area.y + area.height; y += period) {
      wide += `M${n(area.x)} ${n(y)}v38h${n(area.width)}v-38z`;
      thin += `M${n(area.x)} ${n(y + 70)}h${n(area.width)}M${n(area.x)} ${n(y + 80)}h${n(area.width)}`;
    }
    return {
      defs: "",
      body:
        `<path d="${wide}" fill="${colors.accent}" fill-opacity=".42" fill-rule="nonzero"/>` +
        `<path d="${thin}" stroke="${line}" stroke-width="3.5" fill="none" stroke-opacity=".8"/>`,
    };
  },

  houndstooth: ({ area, colors, random }) => {
    const cell = 5;
    const offset = random.int(0, 7);
    const d = twillCells({
      ...area,
      cell,
      isAccent: (r, c) => houndstoothCell(r + offset, c + offset),
    });
    return { defs: "", body: `<path d="${d}" fill="${colors.accent}"/>` };
  },

  herringbone: ({ area, colors, random }) => {
    const cell = 5;
    const offset = random.int(0, 11);
    const isAccent = herringboneCell(6);
    const d = twillCells({ ...area, cell, isAccent: (r, c) => isAccent(r, c + offset) });
    return { defs: "", body: `<path d="${d}" fill="${colors.accent}" fill-opacity=".75"/>` };
  },

  polka_dot: ({ area, colors, random }) => {
    const spacing = 46;
    const r = 9;
    const phase = random.range(0, spacing);
    let d = "";
    let row = 0;
    for (
      let y = area.y - spacing + phase;
      y < area.y + area.height + spacing;
      y += spacing * 0.87, row++
    )
      for (
        let x = area.x - spacing + phase + (row % 2) * (spacing / 2);
        x < area.x + area.width + spacing;
        x += spacing
      )
        d += `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
    return { defs: "", body: `<path d="${d}" fill="${colors.accent}"/>` };
  },

  floral: ({ area, colors, random, id }) => {
    const leaf = shiftLightness(mixHex(colors.main, "#5f8a4a", 0.55), 0);
    const heart = mixHex(colors.accent, "#f2c84b", 0.6);
    const petals = [0, 72, 144, 216, 288]
      .map((a) => `<ellipse cx="0" cy="-13" rx="9" ry="14" transform="rotate(${a})"/>`)
      .join("");
    const defs =
      `<g id="${id}-flower"><g fill="${leaf}"><ellipse cx="22" cy="14" rx="13" ry="6" transform="rotate(30 22 14)"/>` +
      `<ellipse cx="-20" cy="18" rx="12" ry="5" transform="rotate(-35 -20 18)"/></g>` +
      `<g fill="${colors.accent}">${petals}</g><circle r="6" fill="${heart}"/></g>`;
    return { defs, body: scatter(area, 88, random, `${id}-flower`, 0.7, 1.1) };
  },

  paisley: ({ area, colors, random, id }) => {
    const inner = shiftLightness(colors.accent, 0.15);
    const defs =
      `<g id="${id}-boteh"><path d="M0 -38C24 -36 34 -8 28 12C22 34 -6 42 -20 32C-34 22 -30 -2 -14 -6C-4 -8 2 -18 0 -38Z" fill="${colors.accent}"/>` +
      `<path d="M-2 -20C12 -16 18 0 14 12C10 24 -6 28 -14 20" fill="none" stroke="${inner}" stroke-width="3"/>` +
      `<circle cx="-4" cy="14" r="5" fill="${inner}"/><circle cx="36" cy="-20" r="3" fill="${colors.accent}"/>` +
      `<circle cx="-28" cy="-18" r="3" fill="${colors.accent}"/></g>`;
    return { defs, body: scatter(area, 92, random, `${id}-boteh`, 0.8, 1.05) };
  },

  animal: ({ area, colors, random }) => {
    // Leopard rosettes: broken dark rings around a slightly darker centre.
    const centre = mixHex(colors.main, colors.accent, 0.35);
    let rings = "";
    let spots = "";
    const spacing = 58;
    for (let y = area.y; y < area.y + area.height + spacing; y += spacing)
      for (let x = area.x; x < area.x + area.width + spacing; x += spacing) {
        const cx = x + random.range(-16, 16);
        const cy = y + random.range(-16, 16);
        const r = random.range(11, 17);
        spots += `M${n(cx - r * 0.7)} ${n(cy)}a${n(r * 0.7)} ${n(r * 0.6)} 0 1 0 ${n(r * 1.4)} 0a${n(r * 0.7)} ${n(r * 0.6)} 0 1 0 ${n(-r * 1.4)} 0z`;
        let angle = random.range(0, Math.PI * 2);
        for (let k = 0; k < 4; k++) {
          const sweep = random.range(0.7, 1.2);
          const a0 = angle;
          const a1 = angle + sweep;
          angle = a1 + random.range(0.35, 0.6);
          rings += `M${n(cx + Math.cos(a0) * r)} ${n(cy + Math.sin(a0) * r)}A${n(r)} ${n(r)} 0 0 1 ${n(cx + Math.cos(a1) * r)} ${n(cy + Math.sin(a1) * r)}`;
        }
      }
    return {
      defs: "",
      body:
        `<path d="${spots}" fill="${centre}"/>` +
        `<path d="${rings}" fill="none" stroke="${colors.accent}" stroke-width="7" stroke-linecap="round"/>`,
    };
  },

  camouflage: ({ area, colors, random }) => {
    const tones = [
      colors.accent,
      shiftLightness(colors.main, -0.12),
      mixHex(colors.main, colors.accent, 0.5),
    ];
    const layers = tones.map(() => "");
    const spacing = 90;
    for (let y = area.y - 40; y < area.y + area.height + 40; y += spacing * 0.8)
      for (let x = area.x - 40; x < area.x + area.width + 40; x += spacing) {
        if (random.next() < 0.35) continue;
        const layer = random.int(0, tones.length - 1);
        layers[layer] += blob(
          x + random.range(-30, 30),
          y + random.range(-30, 30),
          random.range(26, 44),
          random,
        );
      }
    return {
      defs: "",
      body: layers
        .map((d, i) => (d ? `<path d="${d}" fill="${tones[i] ?? colors.accent}"/>` : ""))
        .join(""),
    };
  },

  geometric: ({ area, colors, random }) => {
    const size = 56;
    const phase = random.range(0, size);
    let tri = "";
    let lines = "";
    for (let y = area.y - size + phase; y < area.y + area.height + size; y += size)
      for (let x = area.x - size + phase; x < area.x + area.width + size; x += size) {
        tri += `M${n(x)} ${n(y)}l${size / 2} ${size / 2}l${-size / 2} ${size / 2}z`;
        lines += `M${n(x)} ${n(y)}l${size} ${size}M${n(x + size)} ${n(y)}l${-size} ${size}`;
      }
    return {
      defs: "",
      body:
        `<path d="${tri}" fill="${colors.accent}" fill-opacity=".8"/>` +
        `<path d="${lines}" stroke="${colors.accent}" stroke-width="2.5" fill="none" stroke-opacity=".6"/>`,
    };
  },

  abstract: ({ area, colors, random }) => {
    const second = shiftLightness(colors.main, 0.18);
    let strokes = "";
    const count = Math.max(6, Math.round((area.width * area.height) / 50000));
    for (let i = 0; i < count; i++) {
      const x = area.x + random.range(0, area.width);
      const y = area.y + random.range(0, area.height);
      const dx = random.range(-140, 140);
      const dy = random.range(-90, 90);
      const color = i % 3 === 0 ? second : colors.accent;
      strokes += `<path d="M${n(x)} ${n(y)}q${n(dx)} ${n(dy - 80)} ${n(dx * 1.6)} ${n(dy)}" stroke="${color}" stroke-width="${n(random.range(12, 30))}" stroke-linecap="round" fill="none" stroke-opacity=".85"/>`;
    }
    return { defs: "", body: strokes };
  },

  tie_dye: ({ area, colors, random, id }) => {
    const cx = area.x + area.width * random.range(0.3, 0.7);
    const cy = area.y + area.height * random.range(0.3, 0.6);
    const r = Math.max(area.width, area.height) * 0.75;
    let stops = "";
    const rings = 7;
    for (let i = 0; i <= rings; i++) {
      const at = i / rings;
      stops += `<stop offset="${n(at)}" stop-color="${colors.main}"/>`;
      if (i < rings)
        stops += `<stop offset="${n(at + 0.5 / rings)}" stop-color="${colors.accent}" stop-opacity=".7"/>`;
      if (i < rings)
        stops += `<stop offset="${n(at + 0.75 / rings)}" stop-color="${colors.main}"/>`;
    }
    return {
      defs: `<radialGradient id="${id}-dye" gradientUnits="userSpaceOnUse" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}">${stops}</radialGradient>`,
      body: `<rect x="${n(area.x)}" y="${n(area.y)}" width="${n(area.width)}" height="${n(area.height)}" fill="url(#${id}-dye)"/>`,
    };
  },

  color_block: ({ area, colors, random }) => {
    const variant = random.int(0, 2);
    let d: string;
    if (variant === 0)
      d = `M${n(area.x)} ${n(area.y + area.height * 0.62)}h${n(area.width)}V${n(area.y + area.height)}H${n(area.x)}z`;
    else if (variant === 1)
      d = `M${n(area.x + area.width * 0.62)} ${n(area.y)}H${n(area.x + area.width)}V${n(area.y + area.height)}H${n(area.x + area.width * 0.62)}z`;
    else
      d = `M${n(area.x)} ${n(area.y + area.height * 0.55)}L${n(area.x + area.width)} ${n(area.y + area.height * 0.8)}V${n(area.y + area.height)}H${n(area.x)}z`;
    return { defs: "", body: `<path d="${d}" fill="${colors.accent}"/>` };
  },
};

/** Motifs on a jittered grid, each turned and sized a little differently. */
function scatter(
  area: Area,
  spacing: number,
  random: Random,
  motifId: string,
  minScale: number,
  maxScale: number,
) {
  let out = "";
  let row = 0;
  for (let y = area.y - spacing / 2; y < area.y + area.height + spacing; y += spacing * 0.86, row++)
    for (
      let x = area.x - spacing / 2 + (row % 2) * (spacing / 2);
      x < area.x + area.width + spacing;
      x += spacing
    ) {
      const px = x + random.range(-spacing * 0.18, spacing * 0.18);
      const py = y + random.range(-spacing * 0.18, spacing * 0.18);
      out += `<use href="#${motifId}" transform="translate(${n(px)} ${n(py)}) rotate(${n(random.range(0, 360))}) scale(${n(random.range(minScale, maxScale))})"/>`;
    }
  return out;
}

/** An irregular rounded blob (camouflage). */
function blob(cx: number, cy: number, r: number, random: Random): string {
  const points: Vertex[] = [];
  const count = 7;
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2;
    const rr = r * random.range(0.6, 1.4);
    points.push([cx + Math.cos(a) * rr * 1.3, cy + Math.sin(a) * rr, rr * 0.9]);
  }
  return roundedPath(points);
}

export function drawPattern(pattern: PatternKey, input: PatternInput): SvgLayer {
  return drawers[pattern](input);
}

/** Patterns whose second colour should stay close to the main one when the plan gives none. */
export const TONAL_PATTERNS: ReadonlySet<PatternKey> = new Set([
  "herringbone",
  "pinstripe",
  "tie_dye",
]);
