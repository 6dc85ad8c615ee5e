import {
  along,
  CENTER_X,
  mirrored,
  mirrorX,
  polyline,
  roundedPath,
  type Vertex,
} from "../geometry";

export type SleeveSpec =
  | { kind: "none"; strapHalf: number; armholeDepth: number }
  | { kind: "set"; length: number; angle: number; cuffWidth: number };

export type UpperBodySpec = {
  neckHalf: number;
  neckDepth: number;
  shoulderY: number;
  shoulderHalf: number;
  chestHalf: number;
  armpitY: number;
  waist?: { half: number; y: number };
  hemHalf: number;
  hemY: number;
  /** Shirttail or curved hems dip (positive) at the centre. */
  hemCurve?: number;
  sleeve: SleeveSpec;
};

export type UpperBody = {
  vertices: Vertex[];
  outline: string;
  /** Right cuff edge (outer, inner); mirror for the left one. */
  cuff: { outer: [number, number]; inner: [number, number] } | null;
  shoulder: [number, number];
  armpit: [number, number];
  neckSide: [number, number];
  neckCenter: [number, number];
  hem: { y: number; half: number };
};

/** The outline of a top, jacket or bodice: neckline, shoulders, sleeves, sides and hem. */
export function upperBody(spec: UpperBodySpec): UpperBody {
  const neckCenter: [number, number] = [CENTER_X, spec.shoulderY + spec.neckDepth];
  const neckSide: [number, number] = [CENTER_X + spec.neckHalf, spec.shoulderY - 6];
  const shoulder: [number, number] = [CENTER_X + spec.shoulderHalf, spec.shoulderY + 22];
  const armpit: [number, number] = [CENTER_X + spec.chestHalf, spec.armpitY];
  const right: Vertex[] = [
    [neckCenter[0], neckCenter[1], spec.neckDepth > 60 ? 14 : 60],
    [neckSide[0], neckSide[1], 10],
  ];
  let cuff: UpperBody["cuff"] = null;
  if (spec.sleeve.kind === "set") {
    const outer = along(shoulder, spec.sleeve.angle, spec.sleeve.length);
    const inner = along(outer, spec.sleeve.angle + 90, spec.sleeve.cuffWidth);
    cuff = { outer, inner };
    right.push([shoulder[0], shoulder[1], 18], [outer[0], outer[1], 6], [inner[0], inner[1], 6]);
    right.push([armpit[0], armpit[1], 16]);
  } else {
    const strapOuter: [number, number] = [
      CENTER_X + spec.neckHalf + spec.sleeve.strapHalf,
      spec.shoulderY - 4,
    ];
    right.push([strapOuter[0], strapOuter[1], 4]);
    // A scooped armhole: in towards the strap, then out to the side seam.
    right.push([strapOuter[0] + 12, armpit[1] - spec.sleeve.armholeDepth * 0.45, 50]);
    right.push([armpit[0], armpit[1], 10]);
  }
  if (spec.waist) right.push([CENTER_X + spec.waist.half, spec.waist.y, 120]);
  right.push([CENTER_X + spec.hemHalf, spec.hemY, 10]);
  right.push([CENTER_X, spec.hemY + (spec.hemCurve ?? 0), 0]);
  const vertices = mirrored(right);
  return {
    vertices,
    outline: roundedPath(vertices),
    cuff,
    shoulder,
    armpit,
    neckSide,
    neckCenter,
    hem: { y: spec.hemY, half: spec.hemHalf },
  };
}

/** Both sides of a right-hand polyline (for seams and stitches that mirror). */
export function bothSides(points: readonly (readonly [number, number])[]): string[] {
  return [polyline(points), polyline(points.map(([x, y]) => [mirrorX(x), y] as const))];
}

/** A band following the cuff edge, `depth` into the sleeve (cuffs, rib bands). */
export function cuffBand(body: UpperBody, depth: number, angle: number): string[] {
  if (!body.cuff) return [];
  const { outer, inner } = body.cuff;
  const back = along([0, 0], angle + 180, depth);
  const band = (o: [number, number], i: [number, number], flip: boolean) => {
    const dx = flip ? -back[0] : back[0];
    const pts: Vertex[] = [
      [o[0], o[1], 4],
      [i[0], i[1], 4],
      [i[0] + dx, i[1] + back[1], 0],
      [o[0] + dx, o[1] + back[1], 0],
    ];
    return roundedPath(pts);
  };
  return [
    band(outer, inner, false),
    band([mirrorX(outer[0]), outer[1]], [mirrorX(inner[0]), inner[1]], true),
  ];
}

/** A straight band across the hem (waistbands of sweaters, jacket hems). */
export function hemBand(body: UpperBody, depth: number, inset = 0): string {
  const half = body.hem.half - inset;
  return roundedPath([
    [CENTER_X - half, body.hem.y - depth, 0],
    [CENTER_X + half, body.hem.y - depth, 0],
    [CENTER_X + half, body.hem.y, 6],
    [CENTER_X - half, body.hem.y, 6],
  ]);
}

/** Sleeve seams where the sleeve joins the body (shoulder point to armpit). */
export function armholeSeams(body: UpperBody): string[] {
  return bothSides([body.shoulder, [body.armpit[0] + 4, body.armpit[1] - 6]]);
}
