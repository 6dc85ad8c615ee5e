import type { Fit } from "@garment/schemas";
import type { Overlay } from "../garment-shape";
import { CENTER_X, type Vertex } from "../geometry";

/**
 * How fit changes a drawing: the garment keeps its anchor (shoulders, waistband) and gains or
 * loses volume below it, the way a slim and an oversized cut of one size differ. Widths are
 * scaled around the centre line by a factor that grows from 1 at `fromY` to `scale` at `toY`.
 */
export type FitWarp = { scale: number; fromY: number; toY: number };

export const NO_WARP: FitWarp = { scale: 1, fromY: 0, toY: 1 };

/** Volume below the anchor per fit; `strength` < 1 for cuts that vary less (coats, pencil skirts). */
export function fitWarp(fit: Fit, fromY: number, toY: number, strength = 1): FitWarp {
  const base = fit === "slim" ? -0.16 : fit === "loose" ? 0.24 : 0;
  return { scale: 1 + base * strength, fromY, toY };
}

function factor(warp: FitWarp, y: number): number {
  const t = Math.min(1, Math.max(0, (y - warp.fromY) / (warp.toY - warp.fromY)));
  const eased = t * t * (3 - 2 * t);
  return 1 + (warp.scale - 1) * eased;
}

export function warpPoint(warp: FitWarp, x: number, y: number): [number, number] {
  return [CENTER_X + (x - CENTER_X) * factor(warp, y), y];
}

export function warpVertices(warp: FitWarp, vertices: readonly Vertex[]): Vertex[] {
  return vertices.map(([x, y, r]): Vertex => {
    const [wx] = warpPoint(warp, x, y);
    return r === undefined ? [wx, y] : [wx, y, r];
  });
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * Warps a path drawn by our geometry helpers (absolute M, L, Q and Z; relative `a` arcs for
 * ellipses): every absolute point moves by the warp at its height, an arc's radius and run
 * scale by the warp at the current point.
 */
export function warpPath(warp: FitWarp, d: string): string {
  if (warp.scale === 1) return d;
  let out = "";
  let cy = 0;
  for (const [, command, args] of d.matchAll(/([MLQZa])([^MLQZa]*)/g)) {
    const v = (args?.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
    if (command === "Z") {
      out += "Z";
      continue;
    }
    if (command === "a") {
      const k = factor(warp, cy);
      const [rx = 0, ry = 0, rot = 0, large = 0, sweep = 0, dx = 0, dy = 0] = v;
      out += `a${fmt(rx * k)} ${fmt(ry)} ${rot} ${large} ${sweep} ${fmt(dx * k)} ${fmt(dy)}`;
      cy += dy;
      continue;
    }
    const points: string[] = [];
    for (let i = 0; i + 1 < v.length; i += 2) {
      const [x, y] = warpPoint(warp, v[i] ?? 0, v[i + 1] ?? 0);
      points.push(`${fmt(x)} ${fmt(y)}`);
      cy = y;
    }
    out += `${command}${points.join(" ")}`;
  }
  return out;
}

export function warpOverlay(warp: FitWarp, overlay: Overlay): Overlay {
  switch (overlay.kind) {
    case "quilt":
      return overlay;
    case "button": {
      const [x, y] = warpPoint(warp, overlay.x, overlay.y);
      return { ...overlay, x, y };
    }
    default:
      return { ...overlay, d: warpPath(warp, overlay.d) };
  }
}
