/**
 * Renders one tile per silhouette plus tiles for every pattern and every material into one
 * labelled PNG, so a person can judge whether the built-in model draws garments.
 * Usage: pnpm --filter @garment/imaging contact-sheet [output.jpg|output.png]
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MaterialKey, PatternKey, Silhouette, type ResolvedGarment } from "@garment/schemas";
import sharp, { type OverlayOptions } from "sharp";
import { createBuiltinModel } from "../src/index";
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

async function main() {
  // The committed sheet is docs/contact-sheet.jpg: a JPEG keeps the repository small.
  const output = resolve(process.argv[2] ?? "docs/contact-sheet.jpg");
  const model = createBuiltinModel();
  const all = tiles();
  const started = performance.now();
  const composites: OverlayOptions[] = [];
  for (const [i, tile] of all.entries()) {
    const { bytes } = await model.render({
      garment: tile.garment,
      prompt: "",
      seed: 1000 + i,
      width: TILE,
      height: TILE,
    });
    const left = (i % COLUMNS) * TILE;
    const top = Math.floor(i / COLUMNS) * (TILE + LABEL);
    composites.push({ input: Buffer.from(bytes), left, top });
    const label = `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE}" height="${LABEL}"><rect width="100%" height="100%" fill="#ffffff"/><text x="${TILE / 2}" y="22" font-family="DejaVu Sans" font-size="14" text-anchor="middle" fill="#333">${escapeXml(tile.label)}</text></svg>`;
    composites.push({ input: Buffer.from(label), left, top: top + TILE });
  }
  const rows = Math.ceil(all.length / COLUMNS);
  mkdirSync(dirname(output), { recursive: true });
  await sharp({
    create: {
      width: COLUMNS * TILE,
      height: rows * (TILE + LABEL),
      channels: 3,
      background: "#ffffff",
    },
  })
    .composite(composites)
    .resize({ width: 1600 })
    .toFormat(output.endsWith(".png") ? "png" : "jpeg", { quality: 80 })
    .toFile(output);
  console.log(`${all.length} tiles in ${Math.round(performance.now() - started)} ms → ${output}`);
}

await main();
