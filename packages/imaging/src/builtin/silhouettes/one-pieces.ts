import type { Overlay, SilhouetteBuilder } from "../garment-shape";
import {
  CENTER_X,
  mirrored,
  polyline,
  rectPath,
  roundedPath,
  smoothLine,
  type Vertex,
} from "../geometry";
import { buildShape, buttonRow } from "./build-shape";
import { dressHemY } from "./proportions";
import { fitWarp } from "./fit-warp";
import { armholeSeams, bothSides, upperBody } from "./upper-body";

const C = CENTER_X;
const WAIST_Y = 400;

function skirtFolds(hemY: number, hemHalf: number): Overlay[] {
  return [
    {
      kind: "fold",
      d: smoothLine([
        [C - 40, WAIST_Y + 40],
        [C - 70, (WAIST_Y + hemY) / 2],
        [C - hemHalf * 0.55, hemY - 20],
      ]),
    },
    {
      kind: "fold",
      d: smoothLine([
        [C + 50, WAIST_Y + 50],
        [C + 80, (WAIST_Y + hemY) / 2],
        [C + hemHalf * 0.6, hemY - 20],
      ]),
    },
  ];
}

export const dress: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = dressHemY(length, "knee");
  const hemHalf = 150 + (hemY - WAIST_Y) * 0.3;
  const body = upperBody({
    neckHalf: 62,
    neckDepth: 70,
    shoulderY: 120,
    shoulderHalf: 115,
    chestHalf: 138,
    armpitY: 270,
    waist: { half: 112, y: WAIST_Y },
    hemHalf,
    hemY,
    hemCurve: 10,
    sleeve: { kind: "none", strapHalf: 52, armholeDepth: 150 },
  });
  return buildShape({
    fabric: [body.outline],
    over: [
      {
        kind: "seam",
        d: smoothLine([
          [C - 114, WAIST_Y],
          [C, WAIST_Y + 8],
          [C + 114, WAIST_Y],
        ]),
      },
      ...bothSides([
        [C + 60, 280],
        [C + 64, WAIST_Y - 10],
      ]).map((d): Overlay => ({ kind: "seam", d })),
      {
        kind: "stitch",
        d: smoothLine([
          [C - hemHalf + 14, hemY - 16],
          [C, hemY - 6],
          [C + hemHalf - 14, hemY - 16],
        ]),
      },
      ...skirtFolds(hemY, hemHalf),
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 200, 480),
  });
};

export const slipDress: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = dressHemY(length, "midi");
  const hemHalf = 150 + (hemY - WAIST_Y) * 0.16;
  const v = mirrored([
    [C, 215, 30],
    [C + 92, 170, 8],
    [C + 138, 235, 40],
    [C + 122, WAIST_Y, 140],
    [C + hemHalf, hemY, 10],
    [C, hemY + 10, 0],
  ]);
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      ...bothSides([
        [C + 88, 172],
        [C + 76, 40],
      ]).map((d): Overlay => ({ kind: "cord", d, width: 7, paint: "shade" })),
      {
        kind: "seam",
        d: smoothLine([
          [C - 88, 176],
          [C, 222],
          [C + 88, 176],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 60, 250],
          [C, 275],
          [C + 60, 250],
        ]),
      },
      {
        kind: "stitch",
        d: smoothLine([
          [C - hemHalf + 14, hemY - 14],
          [C, hemY - 4],
          [C + hemHalf - 14, hemY - 14],
        ]),
      },
      ...skirtFolds(hemY, hemHalf),
    ],
    extent: [
      v,
      [
        [C - 80, 36],
        [C + 80, 36],
      ],
    ],
    fit: fitWarp(fit, 200, 480),
  });
};

export const shirtDress: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = dressHemY(length, "knee");
  const hemHalf = 150 + (hemY - WAIST_Y) * 0.22;
  const body = upperBody({
    neckHalf: 55,
    neckDepth: 30,
    shoulderY: 120,
    shoulderHalf: 150,
    chestHalf: 145,
    armpitY: 285,
    waist: { half: 128, y: WAIST_Y + 20 },
    hemHalf,
    hemY,
    hemCurve: 12,
    sleeve: { kind: "set", length: 175, angle: 48, cuffWidth: 100 },
  });
  const collar = (side: 1 | -1) =>
    roundedPath([
      [C + side * 2, 158, 4],
      [C + side * 58, 110, 6],
      [C + side * 50, 90, 4],
      [C + side * 8, 120, 2],
      [C + side * 40, 178, 8],
    ]);
  return buildShape({
    fabric: [body.outline, collar(1), collar(-1)],
    over: [
      { kind: "piece", d: rectPath(C - 16, 150, 32, hemY - 160, 2), tone: 0.02 },
      { kind: "piece", d: collar(1), tone: 0.04 },
      { kind: "piece", d: collar(-1), tone: 0.04 },
      ...buttonRow(C, 190, hemY - 60, 8, 6),
      {
        kind: "cord",
        d: smoothLine([
          [C - 132, WAIST_Y + 20],
          [C, WAIST_Y + 28],
          [C + 132, WAIST_Y + 20],
        ]),
        width: 26,
        paint: "shade",
      },
      {
        kind: "cord",
        d: smoothLine([
          [C + 20, WAIST_Y + 30],
          [C + 40, WAIST_Y + 110],
          [C + 30, WAIST_Y + 170],
        ]),
        width: 16,
        paint: "shade",
      },
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...skirtFolds(hemY, hemHalf),
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 200, 480),
  });
};

export const jumpsuit: SilhouetteBuilder = ({ fit, length }) => {
  const hemY =
    length === "short" || length === "mini"
      ? 720
      : length === "cropped"
        ? 900
        : length === "ankle"
          ? 985
          : 1060;
  const crotchY = 650;
  // Leg opening per fit: tapered, straight, or a wide palazzo leg.
  const [hemOuter, hemInner] = fit === "slim" ? [118, 52] : fit === "loose" ? [184, 30] : [150, 32];
  const right: Vertex[] = [
    [C, 200, 40],
    [C + 62, 114, 10],
    [C + 120, 120, 8],
    [C + 128, 170, 40],
    [C + 140, 280, 16],
    [C + 122, 440, 120],
    [C + 160, 560, 120],
    [C + hemOuter, hemY, 6],
    [C + hemInner, hemY, 6],
    [C + 6, crotchY, 20],
    [C, crotchY - 6, 0],
  ];
  const v = mirrored(right);
  return buildShape({
    fabric: [roundedPath(v)],
    over: [
      {
        kind: "cord",
        d: smoothLine([
          [C - 126, 440],
          [C, 448],
          [C + 126, 440],
        ]),
        width: 24,
        paint: "shade",
      },
      {
        kind: "stitch",
        d: smoothLine([
          [C - 60, 116],
          [C - 30, 170],
          [C, 204],
          [C + 30, 170],
          [C + 60, 116],
        ]),
      },
      {
        kind: "seam",
        d: polyline([
          [C, 210],
          [C, crotchY - 10],
        ]),
      },
      ...buttonRow(C, 250, 400, 3, 6),
      ...bothSides([
        [C + 95, 470],
        [C + 150, 560],
      ]).map((d): Overlay => ({ kind: "seam", d })),
      ...bothSides([
        [C + 88, crotchY + 40],
        [C + 90, hemY - 40],
      ]).map((d): Overlay => ({ kind: "fold", d })),
      ...bothSides([
        [C + 34, hemY - 20],
        [C + 148, hemY - 20],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
    ],
    extent: [v],
    fit: fitWarp(fit, 200, 480),
  });
};
