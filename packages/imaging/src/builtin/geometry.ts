/**
 * Path helpers for the garment drawings. Garments are drawn in a 1000×1000 design space,
 * centred on x = 500, y growing downwards; the renderer fits them into the canvas later.
 */

/** A polygon vertex; the optional third value rounds that corner with the given radius. */
export type Vertex = readonly [x: number, y: number, radius?: number];

export const CENTER_X = 500;

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** Closed path through the vertices, each corner rounded by its radius (quadratic fillet). */
export function roundedPath(vertices: readonly Vertex[], defaultRadius = 0): string {
  const n = vertices.length;
  if (n < 3) throw new Error("a shape needs at least three vertices");
  const at = (i: number): Vertex => vertices[((i % n) + n) % n] as Vertex;
  let d = "";
  for (let i = 0; i < n; i++) {
    const [x, y, r = defaultRadius] = at(i);
    const [px, py] = at(i - 1);
    const [nx, ny] = at(i + 1);
    const inLen = Math.hypot(x - px, y - py);
    const outLen = Math.hypot(nx - x, ny - y);
    const radius = Math.min(r, inLen / 2, outLen / 2);
    if (radius <= 0.01 || inLen === 0 || outLen === 0) {
      d += `${i === 0 ? "M" : "L"}${fmt(x)} ${fmt(y)}`;
      continue;
    }
    const ax = x + ((px - x) / inLen) * radius;
    const ay = y + ((py - y) / inLen) * radius;
    const bx = x + ((nx - x) / outLen) * radius;
    const by = y + ((ny - y) / outLen) * radius;
    d += `${i === 0 ? "M" : "L"}${fmt(ax)} ${fmt(ay)}Q${fmt(x)} ${fmt(y)} ${fmt(bx)} ${fmt(by)}`;
  }
  return `${d}Z`;
}

/** Mirror a right half (listed from the top of the centre line, clockwise, back to it) into a whole. */
export function mirrored(rightHalf: readonly Vertex[]): Vertex[] {
  const left = [...rightHalf]
    .reverse()
    .filter((v) => Math.abs(v[0] - CENTER_X) > 0.01)
    .map(([x, y, r]): Vertex => [2 * CENTER_X - x, y, r]);
  return [...rightHalf, ...left];
}

export function mirrorX(x: number): number {
  return 2 * CENTER_X - x;
}

/** Open polyline (seams, stitches, folds). */
export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${fmt(x)} ${fmt(y)}`).join("");
}

/** Smooth open curve through the points (quadratic midpoints). */
export function smoothLine(points: readonly (readonly [number, number])[]): string {
  if (points.length < 3) return polyline(points);
  const first = points[0] as readonly [number, number];
  let d = `M${fmt(first[0])} ${fmt(first[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i] as readonly [number, number];
    const [nx, ny] = points[i + 1] as readonly [number, number];
    const end = i === points.length - 2 ? [nx, ny] : [(x + nx) / 2, (y + ny) / 2];
    d += `Q${fmt(x)} ${fmt(y)} ${fmt(end[0] as number)} ${fmt(end[1] as number)}`;
  }
  return d;
}

export function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  return `M${fmt(cx - rx)} ${fmt(cy)}a${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(2 * rx)} 0a${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(-2 * rx)} 0Z`;
}

export function rectPath(x: number, y: number, w: number, h: number, r = 0): string {
  return roundedPath(
    [
      [x, y, r],
      [x + w, y, r],
      [x + w, y + h, r],
      [x, y + h, r],
    ],
    0,
  );
}

export type Box = { x: number; y: number; width: number; height: number };

export function boxOf(vertexLists: readonly (readonly Vertex[])[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const list of vertexLists)
    for (const [x, y] of list) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Point along a direction: used for sleeves set at an angle. */
export function along(
  from: readonly [number, number],
  angleDeg: number,
  distance: number,
): [number, number] {
  const a = (angleDeg * Math.PI) / 180;
  return [from[0] + Math.cos(a) * distance, from[1] + Math.sin(a) * distance];
}
