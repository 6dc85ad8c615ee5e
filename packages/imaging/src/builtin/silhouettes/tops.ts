import type { SilhouetteBuilder } from "../garment-shape";
import { CENTER_X, mirrorX, polyline, rectPath, roundedPath, smoothLine } from "../geometry";
import { topHemY } from "./proportions";
import { fitWarp } from "./fit-warp";
import { buildShape, buttonRow } from "./build-shape";
import { armholeSeams, bothSides, cuffBand, hemBand, upperBody } from "./upper-body";

const C = CENTER_X;

export const tShirt: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = upperBody({
    neckHalf: 62,
    neckDepth: 42,
    shoulderY: 130,
    shoulderHalf: 158,
    chestHalf: 152,
    armpitY: 300,
    hemHalf: 155,
    hemY,
    sleeve: { kind: "set", length: 150, angle: 32, cuffWidth: 118 },
  });
  const neckRib = smoothLine([
    [C - 62, 124],
    [C - 40, 168],
    [C, 180],
    [C + 40, 168],
    [C + 62, 124],
  ]);
  return buildShape({
    fabric: [body.outline],
    over: [
      { kind: "cord", d: neckRib, width: 14, paint: "shade" },
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      {
        kind: "stitch",
        d: polyline([
          [C - 150, hemY - 20],
          [C + 150, hemY - 20],
        ]),
      },
      ...cuffBand(body, 22, 32).map((d) => ({ kind: "stitch" as const, d })),
      {
        kind: "fold",
        d: smoothLine([
          [C - 90, 330],
          [C - 70, 420],
          [C - 95, hemY - 40],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

export const tankTop: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = upperBody({
    neckHalf: 54,
    neckDepth: 110,
    shoulderY: 110,
    shoulderHalf: 120,
    chestHalf: 138,
    armpitY: 290,
    hemHalf: 146,
    hemY,
    sleeve: { kind: "none", strapHalf: 30, armholeDepth: 180 },
  });
  return buildShape({
    fabric: [body.outline],
    over: [
      {
        kind: "stitch",
        d: smoothLine([
          [C - 66, 112],
          [C - 40, 200],
          [C, 214],
          [C + 40, 200],
          [C + 66, 112],
        ]),
      },
      {
        kind: "stitch",
        d: polyline([
          [C - 145, hemY - 18],
          [C + 145, hemY - 18],
        ]),
      },
      ...bothSides([
        [C + 86, 112],
        [C + 98, 200],
        [C + 134, 286],
      ]).map((d) => ({ kind: "stitch" as const, d })),
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

export const shirt: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip") + 20;
  const body = upperBody({
    neckHalf: 55,
    neckDepth: 30,
    shoulderY: 130,
    shoulderHalf: 162,
    chestHalf: 152,
    armpitY: 300,
    hemHalf: 150,
    hemY,
    hemCurve: 30,
    sleeve: { kind: "set", length: 390, angle: 66, cuffWidth: 88 },
  });
  const collar = [
    roundedPath([
      [C - 2, 168, 4],
      [C - 58, 120, 6],
      [C - 50, 100, 4],
      [C - 8, 130, 2],
      [C - 40, 188, 8],
    ]),
    roundedPath([
      [C + 2, 168, 4],
      [C + 58, 120, 6],
      [C + 50, 100, 4],
      [C + 8, 130, 2],
      [C + 40, 188, 8],
    ]),
  ];
  const pocket = rectPath(C + 45, 250, 70, 80, 8);
  return buildShape({
    fabric: [body.outline, ...collar],
    over: [
      { kind: "piece", d: rectPath(C - 18, 160, 36, hemY - 150, 2), tone: 0.02 },
      ...collar.map((d) => ({ kind: "piece" as const, d, tone: 0.04 })),
      { kind: "piece", d: pocket, tone: -0.03 },
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      ...cuffBand(body, 60, 66).map((d) => ({ kind: "piece" as const, d, tone: 0.03 })),
      ...buttonRow(C, 200, hemY - 50, 6, 7),
      ...bothSides([
        [C + 60, 145],
        [C + 150, 165],
      ]).map((d) => ({ kind: "seam" as const, d })),
      {
        kind: "fold",
        d: smoothLine([
          [C + 110, 330],
          [C + 95, 430],
          [C + 115, hemY - 30],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

export const blouse: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = upperBody({
    neckHalf: 58,
    neckDepth: 120,
    shoulderY: 130,
    shoulderHalf: 150,
    chestHalf: 148,
    armpitY: 300,
    waist: { half: 140, y: 430 },
    hemHalf: 165,
    hemY,
    hemCurve: 12,
    sleeve: { kind: "set", length: 360, angle: 62, cuffWidth: 120 },
  });
  const ruffle = (side: 1 | -1) =>
    smoothLine([
      [C + side * 62, 125],
      [C + side * 34, 190],
      [C + side * 6, 252],
    ]);
  return buildShape({
    fabric: [body.outline],
    over: [
      { kind: "cord", d: ruffle(1), width: 14, paint: "shade" },
      { kind: "cord", d: ruffle(-1), width: 14, paint: "shade" },
      ...cuffBand(body, 36, 62).map((d) => ({ kind: "piece" as const, d, tone: -0.05 })),
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      ...buttonRow(C, 275, hemY - 40, 4, 6),
      {
        kind: "fold",
        d: smoothLine([
          [C - 100, 320],
          [C - 80, 400],
          [C - 120, hemY - 20],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C + 80, 330],
          [C + 100, 420],
          [C + 90, hemY - 30],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

function knitTop(hemY: number) {
  return upperBody({
    neckHalf: 62,
    neckDepth: 40,
    shoulderY: 135,
    shoulderHalf: 168,
    chestHalf: 160,
    armpitY: 310,
    hemHalf: 158,
    hemY,
    sleeve: { kind: "set", length: 380, angle: 68, cuffWidth: 86 },
  });
}

export const sweater: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = knitTop(hemY);
  const neckRib = smoothLine([
    [C - 64, 128],
    [C - 40, 168],
    [C, 178],
    [C + 40, 168],
    [C + 64, 128],
  ]);
  return buildShape({
    fabric: [body.outline],
    over: [
      { kind: "cord", d: neckRib, width: 20, paint: "shade" },
      { kind: "piece", d: hemBand(body, 48), tone: -0.04, ribs: "vertical" },
      ...cuffBand(body, 56, 68).map((d) => ({
        kind: "piece" as const,
        d,
        tone: -0.04,
        ribs: "vertical" as const,
      })),
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      {
        kind: "fold",
        d: smoothLine([
          [C - 70, 320],
          [C - 40, 420],
          [C - 80, hemY - 70],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

export const cardigan: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = upperBody({
    neckHalf: 62,
    neckDepth: 170,
    shoulderY: 135,
    shoulderHalf: 166,
    chestHalf: 158,
    armpitY: 310,
    hemHalf: 158,
    hemY,
    sleeve: { kind: "set", length: 380, angle: 68, cuffWidth: 86 },
  });
  const band = (side: 1 | -1) =>
    polyline([
      [C + side * 64, 130],
      [C + side * 8, 300],
      [C + side * 8, hemY],
    ]);
  return buildShape({
    fabric: [body.outline],
    over: [
      { kind: "cord", d: band(1), width: 22, paint: "shade" },
      { kind: "cord", d: band(-1), width: 22, paint: "shade" },
      { kind: "piece", d: hemBand(body, 44), tone: -0.04, ribs: "vertical" },
      ...cuffBand(body, 52, 68).map((d) => ({
        kind: "piece" as const,
        d,
        tone: -0.04,
        ribs: "vertical" as const,
      })),
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      ...buttonRow(C - 8, 320, hemY - 70, 5, 8),
      { kind: "piece", d: rectPath(C + 60, hemY - 190, 70, 80, 6), tone: -0.03 },
      { kind: "piece", d: rectPath(C - 130, hemY - 190, 70, 80, 6), tone: -0.03 },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};

export const hoodie: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = knitTop(hemY);
  const hood = roundedPath([
    [C - 66, 140, 10],
    [C - 120, 80, 60],
    [C - 90, 10, 60],
    [C + 90, 10, 60],
    [C + 120, 80, 60],
    [C + 66, 140, 10],
    [C, 190, 40],
  ]);
  const hoodOpening = roundedPath([
    [C - 60, 150, 20],
    [C - 78, 70, 50],
    [C, 40, 40],
    [C + 78, 70, 50],
    [C + 60, 150, 20],
    [C, 185, 40],
  ]);
  const pocket = roundedPath([
    [C - 110, hemY - 200, 10],
    [C + 110, hemY - 200, 10],
    [C + 150, hemY - 60, 6],
    [C - 150, hemY - 60, 6],
  ]);
  return buildShape({
    fabric: [body.outline, hood],
    over: [
      { kind: "solid", d: hoodOpening, paint: "lining" },
      {
        kind: "cord",
        d: polyline([
          [C - 28, 180],
          [C - 32, 300],
        ]),
        width: 8,
        paint: "light",
      },
      {
        kind: "cord",
        d: polyline([
          [C + 28, 180],
          [C + 32, 300],
        ]),
        width: 8,
        paint: "light",
      },
      { kind: "piece", d: pocket, tone: -0.03 },
      { kind: "piece", d: hemBand(body, 50), tone: -0.04, ribs: "vertical" },
      ...cuffBand(body, 56, 68).map((d) => ({
        kind: "piece" as const,
        d,
        tone: -0.04,
        ribs: "vertical" as const,
      })),
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
    ],
    extent: [
      body.vertices,
      [
        [C - 125, 5],
        [C + 125, 5],
      ],
    ],
    fit: fitWarp(fit, 140, 310),
  });
};

export const polo: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip");
  const body = upperBody({
    neckHalf: 56,
    neckDepth: 26,
    shoulderY: 130,
    shoulderHalf: 158,
    chestHalf: 152,
    armpitY: 300,
    hemHalf: 154,
    hemY,
    sleeve: { kind: "set", length: 150, angle: 34, cuffWidth: 116 },
  });
  const collar = (side: 1 | -1) =>
    roundedPath([
      [C, 160, 4],
      [C + side * 60, 118, 6],
      [C + side * 78, 140, 6],
      [C + side * 50, 205, 8],
    ]);
  return buildShape({
    fabric: [body.outline, collar(1), collar(-1)],
    over: [
      { kind: "piece", d: rectPath(C - 16, 150, 32, 120, 3), tone: 0.03 },
      { kind: "piece", d: collar(1), tone: 0.05, ribs: "horizontal" },
      { kind: "piece", d: collar(-1), tone: 0.05, ribs: "horizontal" },
      ...buttonRow(C, 190, 250, 2, 6),
      ...cuffBand(body, 26, 34).map((d) => ({
        kind: "piece" as const,
        d,
        tone: -0.04,
        ribs: "vertical" as const,
      })),
      ...armholeSeams(body).map((d) => ({ kind: "seam" as const, d })),
      {
        kind: "stitch",
        d: polyline([
          [C - 148, hemY - 20],
          [C + 148, hemY - 20],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [mirrorX(C + 90), 340],
          [C - 70, 420],
          [C - 95, hemY - 40],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 310),
  });
};
