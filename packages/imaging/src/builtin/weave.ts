import { n } from "./svg";

/**
 * Woven patterns drawn as the weave itself: a 2/2 twill where warp and weft threads take
 * the given colours. Houndstooth and herringbone come out of the thread order, not of a
 * hand-drawn motif, so they look right at any size. Cells of the same colour in a row are
 * merged into one rectangle to keep the path short.
 */
export function twillCells(options: {
  x: number;
  y: number;
  width: number;
  height: number;
  cell: number;
  /** Is the cell at (row, col) drawn in the accent colour? */
  isAccent: (row: number, col: number) => boolean;
}): string {
  const { x, y, width, height, cell, isAccent } = options;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  let d = "";
  for (let r = 0; r < rows; r++) {
    let runStart = -1;
    for (let c = 0; c <= cols; c++) {
      const on = c < cols && isAccent(r, c);
      if (on && runStart < 0) runStart = c;
      if (!on && runStart >= 0) {
        d += `M${n(x + runStart * cell)} ${n(y + r * cell)}h${n((c - runStart) * cell)}v${n(cell)}h${n(-(c - runStart) * cell)}z`;
        runStart = -1;
      }
    }
  }
  return d;
}

const mod = (a: number, m: number) => ((a % m) + m) % m;

/** Houndstooth: 4 dark then 4 light threads in both directions, 2/2 twill. */
export function houndstoothCell(row: number, col: number): boolean {
  const warpOnTop = mod(row + col, 4) < 2;
  return warpOnTop ? mod(col, 8) < 4 : mod(row, 8) < 4;
}

/** Herringbone: accent warp over main weft, twill direction reversing every `band` columns. */
export function herringboneCell(band: number) {
  return (row: number, col: number): boolean => {
    const forward = mod(Math.floor(col / band), 2) === 0;
    const shifted = forward ? row + col : row - col;
    return mod(shifted, 4) < 2;
  };
}
