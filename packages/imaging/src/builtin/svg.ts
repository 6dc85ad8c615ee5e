/** Tiny helpers for writing SVG markup by hand (numbers rounded so the markup stays small). */
export const n = (v: number) => (Math.round(v * 100) / 100).toString();

export type SvgLayer = { defs: string; body: string };

export const emptyLayer: SvgLayer = { defs: "", body: "" };

export function joinLayers(layers: readonly SvgLayer[]): SvgLayer {
  return { defs: layers.map((l) => l.defs).join(""), body: layers.map((l) => l.body).join("") };
}

/** Area (in the garment's placed coordinates) that patterns and textures must cover. */
export type Area = { x: number; y: number; width: number; height: number };

export function expandArea(area: Area, by: number): Area {
  return {
    x: area.x - by,
    y: area.y - by,
    width: area.width + 2 * by,
    height: area.height + 2 * by,
  };
}
