/**
 * Renders one tile per silhouette plus tiles for every pattern and every material into one
 * labelled sheet, and a second sheet with every fit × length cut of each garment (one row per
 * silhouette), so a person can judge whether the built-in model draws garments, and draws the
 * planned cut.
 * Usage: pnpm --filter @garment/imaging contact-sheet [output.jpg|output.png]
 *   (the cuts sheet is written beside it as <name>-cuts.<ext>)
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MaterialKey, PatternKey, Silhouette, type ResolvedGarment } from "@garment/schemas";
import sharp, { type OverlayOptions } from "sharp";
import { createBuiltinModel } from "../src/index";
import { SILHOUETTE_CUTS } from "../src/builtin/silhouettes/cuts";
import { slotOf } from "../src/test/garment-fixture";

const TILE = 300;
const LABEL = 34;
const COLUMNS = 10;
const PALETTE = [
  "#1f3a68",
  "#c2452d",
  "#e9dcc4",
  "#2f6b4f",
  "#151515",
  "#f7f6f2",
  "#b08d57",
  "#7a2e3b",
  "#9bb7d4",
  "#e8b4b8",
  "#556b2f",
  "#d4a017",
];

type Tile = { garment: ResolvedGarment; label: string };

function garment(
  silhouette: Silhouette,
  i: number,
  pattern: PatternKey,
  material: MaterialKey,
): ResolvedGarment {
  return {
    categoryId: silhouette,
    categoryName: silhouette,
    slot: slotOf(silhouette),
    silhouette,
    colorHex: PALETTE[i % PALETTE.length] ?? "#1f3a68",
    colorName: "sheet",
    accentColorHex: null,
    pattern,
    material,
    fit: (["regular", "slim", "loose"] as const)[i % 3] ?? "regular",
    length: null,
  };
}

function tiles(): Tile[] {
  const list: Tile[] = [];
  const patterns = PatternKey.options;
  const materials = MaterialKey.options;
  Silhouette.options.forEach((s, i) => {
    const pattern = i % 3 === 0 ? (patterns[(i / 3) % patterns.length] ?? "solid") : "solid";
    const material = materials[i % materials.length] ?? "cotton";
    list.push({
      garment: garment(s, i, pattern, material),
      label: `${s} · ${pattern} · ${material}`,
    });
  });
  const patternCarriers: Silhouette[] = [
    "shirt",
    "dress",
    "skirt_a_line",
    "t_shirt",
    "scarf",
    "trousers",
  ];
  patterns.forEach((p, i) => {
    const s = patternCarriers[i % patternCarriers.length] ?? "shirt";
    list.push({ garment: garment(s, i + 3, p, "cotton"), label: `pattern: ${p}` });
  });
  const materialCarriers: Silhouette[] = [
    "sweater",
    "blazer",
    "trousers",
    "handbag",
    "wool_coat",
    "skirt_pencil",
  ];
  materials.forEach((m, i) => {
    const s =
      m === "leather"
        ? "leather_jacket"
        : m === "denim"
          ? "jeans"
          : (materialCarriers[i % materialCarriers.length] ?? "sweater");
    list.push({ garment: garment(s, i + 5, "solid", m), label: `material: ${m}` });
  });
  return list;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

type Sheet = { tiles: Tile[]; columns: number; tile: number; label: number; width: number };

async function renderSheet(sheet: Sheet, output: string): Promise<number> {
  const model = createBuiltinModel();
  const composites: OverlayOptions[] = [];
  const { tile: size, label: labelHeight, columns } = sheet;
  for (const [i, tile] of sheet.tiles.entries()) {
    if (tile.label === "") continue;
    const { bytes } = await model.render({
      garment: tile.garment,
      prompt: "",
      seed: 1000 + i,
      width: size,
      height: size,
    });
    const left = (i % columns) * size;
    const top = Math.floor(i / columns) * (size + labelHeight);
    composites.push({ input: Buffer.from(bytes), left, top });
    const fontSize = Math.round(labelHeight * (tile.label.length > 26 ? 0.34 : 0.42));
    const label = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${labelHeight}"><rect width="100%" height="100%" fill="#ffffff"/><text x="${size / 2}" y="${Math.round(labelHeight * 0.65)}" font-family="DejaVu Sans" font-size="${fontSize}" text-anchor="middle" fill="#333">${escapeXml(tile.label)}</text></svg>`;
    composites.push({ input: Buffer.from(label), left, top: top + size });
  }
  const rows = Math.ceil(sheet.tiles.length / columns);
  mkdirSync(dirname(output), { recursive: true });
  await sharp({
    create: {
      width: columns * size,
      height: rows * (size + labelHeight),
      channels: 3,
      background: "#ffffff",
    },
  })
    .composite(composites)
    .resize({ width: sheet.width })
    .toFormat(output.endsWith(".png") ? "png" : "jpeg", { quality: 80 })
    .toFile(output);
  return sheet.tiles.filter((t) => t.label !== "").length;
}

/** Every fit × length cut of each garment that has them: one row per silhouette. */
function cutTiles(columns: number): Tile[] {
  const list: Tile[] = [];
  Silhouette.options.forEach((s, i) => {
    const cuts = SILHOUETTE_CUTS[s];
    if (cuts.lengths.length === 0) return;
    const row: Tile[] = [];
    for (const length of cuts.lengths)
      for (const fit of cuts.fits)
        row.push({
          garment: { ...garment(s, i, "solid", "cotton"), fit, length },
          label: `${s} · ${fit} · ${length}`,
        });
    while (row.length < columns) row.push({ garment: garment(s, i, "solid", "cotton"), label: "" });
    list.push(...row);
  });
  return list;
}

async function main() {
  // The committed sheets are docs/contact-sheet*.jpg: a JPEG keeps the repository small.
  const output = resolve(process.argv[2] ?? "docs/contact-sheet.jpg");
  const cutsOutput = output.replace(/(\.[a-z]+)$/, "-cuts$1");
  const started = performance.now();
  const overview = await renderSheet(
    { tiles: tiles(), columns: COLUMNS, tile: TILE, label: LABEL, width: 1600 },
    output,
  );
  const cuts = await renderSheet(
    { tiles: cutTiles(12), columns: 12, tile: 200, label: 30, width: 2400 },
    cutsOutput,
  );
  console.log(
    `${overview} + ${cuts} tiles in ${Math.round(performance.now() - started)} ms → ${output}, ${cutsOutput}`,
  );
}

await main();
