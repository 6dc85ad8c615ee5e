import type { GarmentShape, Overlay } from "../garment-shape";
import { boxOf, type Vertex } from "../geometry";
import { NO_WARP, warpOverlay, warpPath, warpVertices, type FitWarp } from "./fit-warp";

/**
 * Assemble a shape, drawn for its fit: every outline and detail goes through the fit warp; the
 * box comes from every vertex list that can reach the edge.
 */
export function buildShape(parts: {
  fabric: string[];
  over?: Overlay[];
  under?: Overlay[];
  extent: readonly (readonly Vertex[])[];
  fit?: FitWarp;
}): GarmentShape {
  const warp = parts.fit ?? NO_WARP;
  return {
    fabric: parts.fabric.map((d) => warpPath(warp, d)),
    over: (parts.over ?? []).map((o) => warpOverlay(warp, o)),
    under: (parts.under ?? []).map((o) => warpOverlay(warp, o)),
    box: boxOf(parts.extent.map((list) => warpVertices(warp, list))),
  };
}

/** Buttons evenly spaced down a line. */
export function buttonRow(
  x: number,
  fromY: number,
  toY: number,
  count: number,
  r: number,
): Overlay[] {
  const buttons: Overlay[] = [];
  for (let i = 0; i < count; i++) {
    const y = count === 1 ? fromY : fromY + ((toY - fromY) * i) / (count - 1);
    buttons.push({ kind: "button", x, y, r });
  }
  return buttons;
}
