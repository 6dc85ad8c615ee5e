import type { Fit } from "@garment/schemas";
import type { Overlay, SilhouetteBuilder } from "../garment-shape";
import {
  CENTER_X,
  mirrored,
  mirrorX,
  polyline,
  rectPath,
  roundedPath,
  smoothLine,
  type Vertex,
} from "../geometry";
import { buildShape } from "./build-shape";
import { skirtHemY, trouserHemY } from "./proportions";
import { fitWarp } from "./fit-warp";
import { bothSides } from "./upper-body";

const C = CENTER_X;
const WAIST_Y = 100;
const CROTCH_Y = 345;

type LegSpec = {
  hemY: number;
  waistHalf: number;
  hipHalf: number;
  hemOuter: number;
  hemInner: number;
};

function legs(spec: LegSpec): Vertex[] {
  return mirrored([
    [C, WAIST_Y, 0],
    [C + spec.waistHalf, WAIST_Y, 4],
    [C + spec.hipHalf, 260, 120],
    [C + spec.hemOuter, spec.hemY, 6],
    [C + spec.hemInner, spec.hemY, 6],
    [C + 6, CROTCH_Y, 24],
    [C, CROTCH_Y - 6, 0],
  ]);
}

/**
 * The leg opening per fit, so the cut reads at a glance: slim tapers to the ankle, regular
 * falls straight, loose is a wide leg as broad at the hem as at the thigh.
 */
function legOpening(fit: Fit, short: boolean): { hemOuter: number; hemInner: number } {
  if (short) return { hemOuter: 172, hemInner: 24 };
  if (fit === "slim") return { hemOuter: 118, hemInner: 56 };
  if (fit === "loose") return { hemOuter: 184, hemInner: 30 };
  return { hemOuter: 150, hemInner: 36 };
}

function waistband(half: number): Overlay[] {
  const loops = [-0.75, -0.3, 0.3, 0.75].map((f): Overlay => ({
    kind: "piece",
    d: rectPath(C + f * half - 7, WAIST_Y - 4, 14, 52, 3),
    tone: 0.03,
  }));
  return [
    { kind: "piece", d: rectPath(C - half, WAIST_Y, 2 * half, 44, 3), tone: -0.03 },
    ...loops,
  ];
}

export const trousers: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = trouserHemY(length, "full");
  const short = hemY < 500;
  const opening = legOpening(fit, short);
  const v = legs({ hemY, waistHalf: 150, hipHalf: 168, ...opening });
  const crease = (hemY - WAIST_Y) * 0.95 + WAIST_Y;
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      ...waistband(150),
      { kind: "button", x: C, y: WAIST_Y + 22, r: 8 },
      {
        kind: "stitch",
        d: smoothLine([
          [C + 4, WAIST_Y + 46],
          [C + 42, WAIST_Y + 60],
          [C + 42, 270],
          [C + 8, CROTCH_Y - 30],
        ]),
      },
      ...bothSides([
        [C + 98, WAIST_Y + 44],
        [C + 160, 230],
      ]).map((d): Overlay => ({ kind: "seam", d })),
      ...bothSides([
        [C + 95, WAIST_Y + 60],
        [C + 92, crease],
      ]).map((d): Overlay => ({ kind: "fold", d })),
      ...bothSides([
        [C + opening.hemInner + 6, hemY - 22],
        [C + opening.hemOuter - 6, hemY - 22],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
    ],
    extent: [v],
    fit: fitWarp(fit, 110, 340),
  });
};

export const shorts: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = length === "knee" ? 560 : length === "mini" ? 400 : 450;
  const v = legs({ hemY, waistHalf: 150, hipHalf: 170, hemOuter: 185, hemInner: 18 });
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      ...waistband(150),
      { kind: "button", x: C, y: WAIST_Y + 22, r: 8 },
      {
        kind: "stitch",
        d: smoothLine([
          [C + 4, WAIST_Y + 46],
          [C + 40, WAIST_Y + 60],
          [C + 40, 250],
          [C + 8, CROTCH_Y - 30],
        ]),
      },
      ...bothSides([
        [C + 98, WAIST_Y + 44],
        [C + 162, 220],
      ]).map((d): Overlay => ({ kind: "seam", d })),
      ...bothSides([
        [C + 26, hemY - 30],
        [C + 178, hemY - 30],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      {
        kind: "fold",
        d: smoothLine([
          [C - 120, 300],
          [C - 100, 360],
          [C - 130, hemY - 40],
        ]),
      },
    ],
    extent: [v],
    fit: fitWarp(fit, 110, 340),
  });
};

export const jeans: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = trouserHemY(length, "full");
  const short = hemY < 500;
  const opening = legOpening(fit, short);
  const v = legs({ hemY, waistHalf: 145, hipHalf: 165, ...opening });
  const pocket = [
    [C + 80, WAIST_Y + 44],
    [C + 100, WAIST_Y + 100],
    [C + 162, WAIST_Y + 120],
  ] as const;
  const rivets: Overlay[] = [C + 82, mirrorX(C + 82), C + 160, mirrorX(C + 160)].map((x, i) => ({
    kind: "button",
    x,
    y: i < 2 ? WAIST_Y + 50 : WAIST_Y + 118,
    r: 4,
    paint: "metal",
  }));
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      ...waistband(145),
      { kind: "button", x: C, y: WAIST_Y + 22, r: 10, paint: "metal" },
      ...bothSides(pocket).map((d): Overlay => ({ kind: "seam", d: smoothLine(parse(d)) })),
      ...bothSides(pocket.map(([x, y]) => [x, y + 8] as const)).map((d): Overlay => ({
        kind: "stitch",
        d,
      })),
      { kind: "piece", d: rectPath(C + 110, WAIST_Y + 50, 36, 34, 3), tone: 0.02 },
      {
        kind: "stitch",
        d: smoothLine([
          [C + 4, WAIST_Y + 46],
          [C + 40, WAIST_Y + 60],
          [C + 40, 265],
          [C + 8, CROTCH_Y - 28],
        ]),
      },
      ...bothSides([
        [C + opening.hemInner + 6, hemY - 24],
        [C + opening.hemOuter - 6, hemY - 24],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      ...bothSides([
        [C + 160, 300],
        [C + opening.hemOuter - 8, hemY - 6],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      ...rivets,
      {
        kind: "fold",
        d: smoothLine([
          [C + 60, CROTCH_Y + 10],
          [C + 90, CROTCH_Y + 30],
          [C + 130, CROTCH_Y + 25],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 60, CROTCH_Y + 10],
          [C - 90, CROTCH_Y + 30],
          [C - 130, CROTCH_Y + 25],
        ]),
      },
    ],
    extent: [v],
    fit: fitWarp(fit, 110, 340),
  });
};

/** Re-read a polyline's points (bothSides returns path strings). */
function parse(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const SKIRT_TOP = 150;

function skirtOutline(
  waistHalf: number,
  hemHalf: number,
  hemY: number,
  hipHalf?: number,
): Vertex[] {
  const right: Vertex[] = [
    [C, SKIRT_TOP, 0],
    [C + waistHalf, SKIRT_TOP, 4],
  ];
  if (hipHalf) right.push([C + hipHalf, SKIRT_TOP + 150, 140]);
  right.push([C + hemHalf, hemY, 12], [C, hemY + 10, 0]);
  return mirrored(right);
}

function skirtBand(half: number): Overlay {
  return { kind: "piece", d: rectPath(C - half, SKIRT_TOP, 2 * half, 40, 3), tone: -0.03 };
}

export const skirtALine: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = skirtHemY(length, "knee");
  const hemHalf = 150 + (hemY - SKIRT_TOP) * 0.3;
  const v = skirtOutline(130, hemHalf, hemY);
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      skirtBand(130),
      { kind: "button", x: C + 100, y: SKIRT_TOP + 20, r: 7 },
      {
        kind: "stitch",
        d: smoothLine([
          [C - hemHalf + 12, hemY - 18],
          [C, hemY - 10],
          [C + hemHalf - 12, hemY - 18],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 50, SKIRT_TOP + 60],
          [C - 70, (SKIRT_TOP + hemY) / 2],
          [C - 110, hemY - 20],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C + 60, SKIRT_TOP + 70],
          [C + 85, (SKIRT_TOP + hemY) / 2],
          [C + 130, hemY - 20],
        ]),
      },
    ],
    extent: [v],
    fit: fitWarp(fit, 160, 380, 0.9),
  });
};

export const skirtPencil: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = skirtHemY(length, "knee");
  const v = skirtOutline(125, 128, hemY, 158);
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      skirtBand(125),
      ...bothSides([
        [C + 60, SKIRT_TOP + 40],
        [C + 62, SKIRT_TOP + 130],
      ]).map((d): Overlay => ({ kind: "seam", d })),
      {
        kind: "seam",
        d: polyline([
          [C, hemY + 8],
          [C, hemY - 90],
        ]),
      },
      {
        kind: "stitch",
        d: polyline([
          [C - 120, hemY - 16],
          [C + 120, hemY - 16],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 90, SKIRT_TOP + 200],
          [C - 40, SKIRT_TOP + 230],
          [C + 20, SKIRT_TOP + 225],
        ]),
      },
    ],
    extent: [v],
    fit: fitWarp(fit, 160, 380, 0.8),
  });
};

export const skirtPleated: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = skirtHemY(length, "midi");
  const hemHalf = 160 + (hemY - SKIRT_TOP) * 0.34;
  const v = skirtOutline(130, hemHalf, hemY);
  const pleats: Overlay[] = [];
  const count = 14;
  for (let i = 0; i < count; i++) {
    const t0 = -1 + (2 * i) / count;
    const t1 = -1 + (2 * (i + 0.45)) / count;
    const d = roundedPath([
      [C + t0 * 128, SKIRT_TOP + 40, 0],
      [C + t1 * 128, SKIRT_TOP + 40, 0],
      [C + t1 * (hemHalf - 6), hemY - 2, 0],
      [C + t0 * (hemHalf - 6), hemY - 2, 0],
    ]);
    pleats.push({ kind: "piece", d, tone: -0.035 });
  }
  return buildShape({
    fabric: [roundedPath(v)],
    over: [...pleats, skirtBand(130)],
    extent: [v],
    fit: fitWarp(fit, 160, 380, 0.8),
  });
};
