import type { GarmentShape, Overlay } from "../garment-shape";
import { boxOf, type Vertex } from "../geometry";

/** Assemble a shape; the box comes from every vertex list that can reach the edge. */
export function buildShape(parts: {
  fabric: string[];
  over?: Overlay[];
  under?: Overlay[];
  extent: readonly (readonly Vertex[])[];
  widthScale: number;
}): GarmentShape {
  return {
    fabric: parts.fabric,
    over: parts.over ?? [],
    under: parts.under ?? [],
    box: boxOf(parts.extent),
    widthScale: parts.widthScale,
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
