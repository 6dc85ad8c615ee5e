import { colornames } from "color-name-list";
import { colorsNamed } from "culori";
import { colorKey } from "./color-key";
import { DISPLAY_ONLY_COLORS, FASHION_COLORS } from "./fashion-colors";
import { hexToLab, hexToOklch, type LabCoords, type OklchCoords } from "./color-space";

export type ColorNameSource = "fashion" | "css" | "dataset";

export interface NamedColorEntry {
  name: string;
  hex: string;
  source: ColorNameSource;
}

export interface DisplayColor {
  name: string;
  hex: string;
  oklch: OklchCoords;
  lab: LabCoords;
}

// Built on first use, never at import: importing the package must stay cheap for callers
// that only need the taxonomy.
let nameTable: Map<string, NamedColorEntry> | undefined;
let displayTable: DisplayColor[] | undefined;

function cssHex(value: number): string {
  return `#${value.toString(16).padStart(6, "0")}`;
}

/** Every recognised color name by lookup key; fashion names win over CSS, CSS over the dataset. */
export function colorNameTable(): Map<string, NamedColorEntry> {
  if (nameTable) return nameTable;
  const table = new Map<string, NamedColorEntry>();
  const add = (name: string, hex: string, source: ColorNameSource) => {
    const key = colorKey(name);
    if (key && !table.has(key)) table.set(key, { name, hex: hex.toLowerCase(), source });
  };
  for (const c of FASHION_COLORS) add(c.name, c.hex, "fashion");
  for (const [name, value] of Object.entries(colorsNamed)) add(name, cssHex(value), "css");
  for (const c of colornames) add(c.name, c.hex, "dataset");
  nameTable = table;
  return table;
}

/**
 * Fashion names we parse but never give to a color we name ourselves: they are also material
 * or print words, so a generated "Linen Wool Trousers" or "Leopard Silk Blouse" would mislead.
 */
const NOT_FOR_DISPLAY: ReadonlySet<string> = new Set([
  "linen",
  "flax",
  "natural",
  "undyed",
  "denim",
  "indigo denim",
  "raw denim",
  "dark denim",
  "denim navy",
  "mid wash",
  "light wash",
  "stone wash",
  "washed black",
  "faded black",
  "chambray",
  "leopard",
  "tortoiseshell",
  "leather brown",
  "suede brown",
  "bottle",
  "gray",
]);

/**
 * The curated list used to name colors for display: our fashion list only, deduplicated by
 * hex (first name wins, so "navy" rather than "navy blue").
 */
export function displayColors(): readonly DisplayColor[] {
  if (displayTable) return displayTable;
  const seen = new Set<string>();
  const list: DisplayColor[] = [];
  for (const c of [...FASHION_COLORS, ...DISPLAY_ONLY_COLORS]) {
    const hex = c.hex.toLowerCase();
    if (seen.has(hex) || NOT_FOR_DISPLAY.has(c.name)) continue;
    seen.add(hex);
    list.push({ name: c.name, hex, oklch: hexToOklch(hex), lab: hexToLab(hex) });
  }
  displayTable = list;
  return list;
}
