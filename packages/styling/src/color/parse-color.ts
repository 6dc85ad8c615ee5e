import { formatHex, parse } from "culori";
import { colorKey } from "./color-key";
import { colorNameTable } from "./color-tables";
import { hexToLab, hexToOklch, oklchToHex, type LabCoords, type OklchCoords } from "./color-space";
import { nearestColorName } from "./nearest-color-name";

/** Where a parsed color came from. */
export type ColorSource =
  | "fashion" // our curated fashion names
  | "css" // a CSS named color
  | "dataset" // the color-name-list dataset
  | "modified" // a known name with a modifier ("light sage", "deep teal")
  | "hex" // #rgb / #rrggbb
  | "css-syntax"; // rgb(), hsl(), oklch(), lab()…

export interface ParsedColor {
  /** `#rrggbb`, lowercase. */
  hex: string;
  /** Human name for display: our own for fashion names, else the nearest curated name (ΔE2000). */
  name: string;
  oklch: OklchCoords;
  lab: LabCoords;
  source: ColorSource;
}

/** Lightness/chroma adjustments for words people put in front of a color name. */
const MODIFIERS: Readonly<Record<string, { dl: number; cScale: number }>> = {
  light: { dl: 0.12, cScale: 0.8 },
  pale: { dl: 0.16, cScale: 0.6 },
  pastel: { dl: 0.15, cScale: 0.55 },
  soft: { dl: 0.06, cScale: 0.7 },
  dusty: { dl: 0, cScale: 0.6 },
  muted: { dl: 0, cScale: 0.6 },
  washed: { dl: 0.08, cScale: 0.65 },
  faded: { dl: 0.08, cScale: 0.6 },
  dark: { dl: -0.14, cScale: 0.9 },
  deep: { dl: -0.12, cScale: 1.05 },
  rich: { dl: -0.06, cScale: 1.1 },
  bright: { dl: 0.04, cScale: 1.3 },
  vivid: { dl: 0.02, cScale: 1.35 },
  electric: { dl: 0.02, cScale: 1.4 },
  neon: { dl: 0.06, cScale: 1.5 },
};

const HEX_RE = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

function fromHex(hex: string, source: ColorSource, name?: string): ParsedColor {
  const lower = hex.toLowerCase();
  return {
    hex: lower,
    name: name ?? nearestColorName(lower),
    oklch: hexToOklch(lower),
    lab: hexToLab(lower),
    source,
  };
}

function parseHexLiteral(text: string): ParsedColor | null {
  const m = HEX_RE.exec(text);
  const digits = m?.[1];
  if (!digits) return null;
  const full =
    digits.length === 3
      ? digits
          .split("")
          .map((d) => d + d)
          .join("")
      : digits;
  return fromHex(`#${full}`, "hex");
}

function parseNamed(text: string): ParsedColor | null {
  const entry = colorNameTable().get(colorKey(text));
  if (!entry) return null;
  return fromHex(entry.hex, entry.source, entry.source === "fashion" ? entry.name : undefined);
}

function parseModified(text: string): ParsedColor | null {
  const words = text
    .toLowerCase()
    .split(/[\s\-_]+/)
    .filter(Boolean);
  const first = words[0];
  if (words.length < 2 || !first) return null;
  const mod = MODIFIERS[first];
  if (!mod) return null;
  const base = parseNamed(words.slice(1).join(" "));
  if (!base) return null;
  const hex = oklchToHex({
    l: base.oklch.l + mod.dl,
    c: base.oklch.c * mod.cScale,
    h: base.oklch.h,
  });
  return fromHex(hex, "modified");
}

function parseCssSyntax(text: string): ParsedColor | null {
  // Only functional notations here: bare words went through the name tables already, and
  // culori would otherwise accept "transparent" as a color.
  if (!text.includes("(")) return null;
  const parsed = parse(text);
  if (!parsed) return null;
  if (parsed.alpha !== undefined && parsed.alpha < 0.05) return null;
  return fromHex(formatHex(parsed), "css-syntax");
}

/**
 * Parses a garment color as people write it: a fashion name ("camel", "Dusty Rose"), a CSS
 * name, a name from the color-name-list dataset, a modified name ("light sage"), `#rgb` /
 * `#rrggbb`, or CSS functional syntax (rgb(), hsl(), oklch(), lab()…). Null when unrecognisable.
 */
export function parseColor(input: string): ParsedColor | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 100) return null;
  return parseHexLiteral(text) ?? parseNamed(text) ?? parseModified(text) ?? parseCssSyntax(text);
}
