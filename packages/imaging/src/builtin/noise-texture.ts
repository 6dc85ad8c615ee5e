import type { Random } from "../random";

export type NoiseKind = "grain" | "fuzz" | "slub-horizontal" | "slub-vertical" | "mottle";

export type NoiseLayer = { kind: NoiseKind; opacity: number };

/** Canvas rectangle (pixels) the noise is stretched over: the garment's bounds. */
export type PixelBounds = { x: number; y: number; width: number; height: number };

/**
 * Fabric grain added straight to the garment's pixels, as an `overlay` blend of grey noise:
 * c + 2·δ·min(c, 1 − c). Centred noise leaves the average colour where the plan put it.
 * A small random grid stretched with bilinear interpolation gives grain, fuzz or slubs
 * depending on how coarse it is. Doing this in SVG (an <image> with mix-blend-mode, or
 * feTurbulence) costs seconds at 4K in librsvg; on raw pixels it is one pass.
 */
export function applyNoise(
  rgba: Buffer,
  canvas: { width: number; height: number },
  bounds: PixelBounds,
  layers: readonly NoiseLayer[],
  random: Random,
): void {
  if (layers.length === 0) return;
  const x0 = Math.max(0, Math.floor(bounds.x));
  const y0 = Math.max(0, Math.floor(bounds.y));
  const x1 = Math.min(canvas.width, Math.ceil(bounds.x + bounds.width));
  const y1 = Math.min(canvas.height, Math.ceil(bounds.y + bounds.height));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  // Sum the layers into one field of overlay strengths (δ·opacity), then blend once. Only
  // garment pixels (alpha > 0) get a field value: the rest of the bounding box is background.
  const covered = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let o = ((y + y0) * canvas.width + x0) * 4 + 3;
    for (let x = 0, f = y * w; x < w; x++, o += 4, f++) covered[f] = rgba[o] === 0 ? 0 : 1;
  }
  const field = new Float32Array(w * h);
  const detail = Math.max(bounds.width, bounds.height);
  for (const layer of layers) addLayer(field, covered, w, h, layer, detail, random);
  for (let y = 0; y < h; y++) {
    let o = ((y + y0) * canvas.width + x0) * 4;
    let f = y * w;
    for (let x = 0; x < w; x++, o += 4, f++) {
      if (covered[f] === 0) continue;
      const strength = (field[f] ?? 0) * ((rgba[o + 3] ?? 0) / 255) * 2;
      for (let c = o; c < o + 3; c++) {
        const v = rgba[c] ?? 0;
        const room = v < 128 ? v : 255 - v;
        rgba[c] = Math.max(0, Math.min(255, Math.round(v + strength * room)));
      }
    }
  }
}

function addLayer(
  field: Float32Array,
  covered: Uint8Array,
  w: number,
  h: number,
  layer: NoiseLayer,
  detail: number,
  random: Random,
) {
  const grid = gridSize(layer.kind, detail);
  const values = new Float32Array(grid.width * grid.height);
  const spread = layer.kind === "mottle" ? 0.55 : 0.85;
  for (let i = 0; i < values.length; i++)
    values[i] = (random.next() - 0.5) * spread * layer.opacity;
  const sx = (grid.width - 1) / Math.max(1, w - 1);
  const sy = (grid.height - 1) / Math.max(1, h - 1);
  // Column positions on the grid are the same for every row: computed once.
  const columnIndex = new Int32Array(w);
  const columnT = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const gx = x * sx;
    const ix = Math.min(grid.width - 2, Math.floor(gx));
    columnIndex[x] = ix;
    columnT[x] = gx - ix;
  }
  for (let y = 0; y < h; y++) {
    const gy = y * sy;
    const iy = Math.min(grid.height - 2, Math.floor(gy));
    const ty = gy - iy;
    const row0 = iy * grid.width;
    const row1 = row0 + grid.width;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (covered[i] === 0) continue;
      const ix = columnIndex[x] ?? 0;
      const tx = columnT[x] ?? 0;
      const top = (values[row0 + ix] ?? 0) * (1 - tx) + (values[row0 + ix + 1] ?? 0) * tx;
      const bottom = (values[row1 + ix] ?? 0) * (1 - tx) + (values[row1 + ix + 1] ?? 0) * tx;
      field[i] = (field[i] ?? 0) + top * (1 - ty) + bottom * ty;
    }
  }
}

/** `detail` is the garment's size on the canvas in pixels: finer grain for bigger renders. */
function gridSize(kind: NoiseKind, detail: number): { width: number; height: number } {
  const fine = Math.max(96, Math.min(900, Math.round(detail / 2)));
  switch (kind) {
    case "grain":
      return { width: fine, height: fine };
    case "fuzz":
      return { width: Math.round(fine / 3), height: Math.round(fine / 3) };
    case "mottle":
      return { width: 24, height: 24 };
    case "slub-horizontal":
      return { width: Math.round(fine / 8), height: Math.round(fine / 1.5) };
    case "slub-vertical":
      return { width: Math.round(fine / 1.5), height: Math.round(fine / 8) };
  }
}
