import type { Overlay, SilhouetteBuilder } from "../garment-shape";
import {
  CENTER_X,
  mirrorX,
  polyline,
  rectPath,
  roundedPath,
  smoothLine,
  type Vertex,
} from "../geometry";
import { buildShape, buttonRow } from "./build-shape";
import { topHemY } from "./proportions";
import { fitWarp } from "./fit-warp";
import {
  armholeSeams,
  bothSides,
  cuffBand,
  hemBand,
  upperBody,
  type UpperBody,
} from "./upper-body";

const C = CENTER_X;

function jacketBody(
  hemY: number,
  options: { neckDepth: number; hemHalf?: number; waistHalf?: number },
): UpperBody {
  return upperBody({
    neckHalf: 64,
    neckDepth: options.neckDepth,
    shoulderY: 130,
    shoulderHalf: 178,
    chestHalf: 165,
    armpitY: 315,
    waist: options.waistHalf ? { half: options.waistHalf, y: 470 } : undefined,
    hemHalf: options.hemHalf ?? 168,
    hemY,
    sleeve: { kind: "set", length: 410, angle: 70, cuffWidth: 92 },
  });
}

/** Both lapels of an open-neck jacket: collar notch, lapel point, roll line down to the first button. */
function lapels(bottomY: number, width: number): string[] {
  const right: Vertex[] = [
    [C + 62, 122, 4],
    [C + 100, 178, 4],
    [C + 88, 198, 2],
    [C + 60 + width, 214, 6],
    [C + 6, bottomY, 4],
    [C + 30, 300, 40],
  ];
  return [roundedPath(right), roundedPath(right.map(([x, y, r]): Vertex => [mirrorX(x), y, r]))];
}

/** The inside of the jacket seen through the open neck. */
function openNeck(bottomY: number): Overlay {
  return {
    kind: "solid",
    paint: "lining",
    d: roundedPath([
      [C - 64, 124, 10],
      [C + 64, 124, 10],
      [C, bottomY, 6],
    ]),
  };
}

function flapPocket(x: number, y: number, w = 96): Overlay {
  return { kind: "piece", d: rectPath(x, y, w, 34, 4), tone: -0.04 };
}

export const blazer: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip") + 40;
  const body = jacketBody(hemY, { neckDepth: 60, waistHalf: 150 });
  const vBottom = 440;
  return buildShape({
    fabric: [body.outline],
    over: [
      openNeck(vBottom),
      ...lapels(vBottom, 70).map((d): Overlay => ({ kind: "piece", d, tone: 0.03 })),
      {
        kind: "seam",
        d: polyline([
          [C + 6, vBottom],
          [C + 6, hemY],
        ]),
      },
      ...buttonRow(C + 6, vBottom + 30, vBottom + 100, 2, 10),
      flapPocket(C + 55, hemY - 150),
      flapPocket(mirrorX(C + 55) - 96, hemY - 150),
      {
        kind: "seam",
        d: polyline([
          [mirrorX(C + 130), 300],
          [mirrorX(C + 68), 296],
        ]),
      },
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...cuffBand(body, 40, 70).map((d): Overlay => ({ kind: "stitch", d })),
      {
        kind: "fold",
        d: smoothLine([
          [C + 110, 480],
          [C + 95, 540],
          [C + 120, hemY - 20],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};

export const woolCoat: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "knee");
  const body = jacketBody(hemY, { neckDepth: 60, hemHalf: 190, waistHalf: 160 });
  const vBottom = 420;
  return buildShape({
    fabric: [body.outline],
    over: [
      openNeck(vBottom),
      ...lapels(vBottom, 92).map((d): Overlay => ({ kind: "piece", d, tone: 0.03 })),
      {
        kind: "seam",
        d: polyline([
          [C + 6, vBottom],
          [C + 6, hemY],
        ]),
      },
      // A hip-length coat keeps its buttons and pockets above the hem.
      ...buttonRow(C + 6, vBottom + 30, Math.min(vBottom + 200, hemY - 60), 3, 12),
      flapPocket(C + 50, Math.min(590, hemY - 100), 110),
      flapPocket(mirrorX(C + 50) - 110, Math.min(590, hemY - 100), 110),
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...cuffBand(body, 44, 70).map((d): Overlay => ({ kind: "stitch", d })),
      {
        kind: "fold",
        d: smoothLine([
          [C - 100, 620],
          [C - 85, 720],
          [C - 120, hemY - 30],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};

export const trenchCoat: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "knee") + 20;
  const body = jacketBody(hemY, { neckDepth: 60, hemHalf: 215, waistHalf: 165 });
  const vBottom = 330;
  const buttons = [C - 50, C + 50].flatMap((x) => buttonRow(x, 360, 460, 3, 10));
  return buildShape({
    fabric: [body.outline],
    over: [
      openNeck(vBottom),
      ...lapels(vBottom, 110).map((d): Overlay => ({ kind: "piece", d, tone: 0.03 })),
      {
        kind: "piece",
        d: roundedPath([
          [C + 30, 205, 6],
          [C + 170, 190, 6],
          [C + 160, 330, 20],
          [C + 40, 340, 10],
        ]),
        tone: -0.03,
      },
      ...buttons,
      {
        kind: "seam",
        d: polyline([
          [C + 80, 470],
          [C + 80, hemY],
        ]),
      },
      {
        kind: "cord",
        d: smoothLine([
          [C - 170, 500],
          [C, 508],
          [C + 170, 500],
        ]),
        width: 34,
        paint: "shade",
      },
      { kind: "solid", d: rectPath(C - 26, 484, 52, 40, 5), paint: "metal" },
      { kind: "solid", d: rectPath(C - 16, 492, 32, 24, 3), paint: "shade" },
      ...bothSides([
        [C + 70, 132],
        [C + 170, 150],
      ]).map((d): Overlay => ({ kind: "cord", d, width: 22, paint: "shade" })),
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...cuffBand(body, 50, 70).map((d): Overlay => ({ kind: "piece", d, tone: -0.03 })),
      {
        kind: "fold",
        d: smoothLine([
          [C + 120, 560],
          [C + 150, 700],
          [C + 170, hemY - 30],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 120, 560],
          [C - 150, 700],
          [C - 160, hemY - 30],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};

export const denimJacket: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "waist") + 30;
  const body = jacketBody(hemY, { neckDepth: 34 });
  const collar = (side: 1 | -1) =>
    roundedPath([
      [C + side * 4, 168, 4],
      [C + side * 66, 116, 6],
      [C + side * 80, 140, 6],
      [C + side * 90, 230, 6],
      [C + side * 40, 200, 8],
    ]);
  const pocket = (side: 1 | -1): Overlay[] => [
    { kind: "piece", d: rectPath(side > 0 ? C + 50 : C - 150, 270, 100, 44, 6), tone: 0.03 },
    { kind: "stitch", d: rectPath(side > 0 ? C + 56 : C - 144, 276, 88, 32, 4) },
    { kind: "button", x: C + side * 100, y: 300, r: 8, paint: "metal" },
  ];
  return buildShape({
    fabric: [body.outline, collar(1), collar(-1)],
    over: [
      { kind: "piece", d: collar(1), tone: 0.03 },
      { kind: "piece", d: collar(-1), tone: 0.03 },
      {
        kind: "seam",
        d: polyline([
          [C, 170],
          [C, hemY],
        ]),
      },
      ...bothSides([
        [C + 18, 168],
        [C + 18, hemY - 50],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      ...buttonRow(C, 210, hemY - 90, 5, 9).map((b): Overlay =>
        b.kind === "button" ? { ...b, paint: "metal" } : b,
      ),
      ...bothSides([
        [C + 60, 240],
        [C + 165, 232],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      ...pocket(1),
      ...pocket(-1),
      ...bothSides([
        [C + 110, 330],
        [C + 110, hemY - 55],
      ]).map((d): Overlay => ({ kind: "stitch", d })),
      { kind: "piece", d: hemBand(body, 50), tone: -0.02 },
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...cuffBand(body, 46, 70).map((d): Overlay => ({ kind: "piece", d, tone: -0.02 })),
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};

export const leatherJacket: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "waist") + 30;
  const body = jacketBody(hemY, { neckDepth: 40 });
  const rightLapel = roundedPath([
    [C + 40, 150, 6],
    [C + 160, 180, 10],
    [C + 110, 330, 10],
    [C + 50, 240, 8],
  ]);
  const leftLapel = roundedPath([
    [C - 60, 122, 6],
    [C - 150, 170, 10],
    [C - 60, 300, 10],
    [C + 20, 180, 8],
  ]);
  return buildShape({
    fabric: [body.outline],
    over: [
      { kind: "piece", d: leftLapel, tone: 0.04 },
      { kind: "piece", d: rightLapel, tone: 0.04 },
      {
        kind: "cord",
        d: polyline([
          [C + 60, 250],
          [C + 10, hemY - 10],
        ]),
        width: 7,
        paint: "metal",
      },
      {
        kind: "cord",
        d: polyline([
          [C + 100, 400],
          [C + 150, 470],
        ]),
        width: 5,
        paint: "metal",
      },
      {
        kind: "cord",
        d: polyline([
          [mirrorX(C + 100), 400],
          [mirrorX(C + 150), 470],
        ]),
        width: 5,
        paint: "metal",
      },
      {
        kind: "cord",
        d: polyline([
          [C - 140, 290],
          [C - 70, 280],
        ]),
        width: 5,
        paint: "metal",
      },
      { kind: "piece", d: hemBand(body, 46), tone: -0.03 },
      { kind: "solid", d: rectPath(C + 120, hemY - 48, 44, 44, 6), paint: "metal" },
      { kind: "solid", d: rectPath(C + 130, hemY - 38, 24, 24, 3), paint: "shade" },
      ...bothSides([
        [C + 70, 134],
        [C + 175, 150],
      ]).map((d): Overlay => ({ kind: "cord", d, width: 20, paint: "shade" })),
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
      ...cuffBand(body, 60, 70).map((d): Overlay => ({ kind: "stitch", d })),
      {
        kind: "fold",
        d: smoothLine([
          [mirrorX(C + 300), 400],
          [C - 260, 430],
          [C - 230, 470],
        ]),
      },
    ],
    extent: [body.vertices],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};

export const pufferJacket: SilhouetteBuilder = ({ fit, length }) => {
  const hemY = topHemY(length, "hip") + 20;
  const body = upperBody({
    neckHalf: 70,
    neckDepth: 10,
    shoulderY: 130,
    shoulderHalf: 190,
    chestHalf: 180,
    armpitY: 320,
    hemHalf: 178,
    hemY,
    sleeve: { kind: "set", length: 400, angle: 66, cuffWidth: 115 },
  });
  const collar = roundedPath([
    [C - 74, 70, 14],
    [C + 74, 70, 14],
    [C + 80, 150, 10],
    [C - 80, 150, 10],
  ]);
  return buildShape({
    fabric: [body.outline, collar],
    over: [
      { kind: "quilt", fromY: 150, spacing: 72 },
      { kind: "piece", d: collar, tone: 0.02 },
      {
        kind: "cord",
        d: polyline([
          [C, 74],
          [C, hemY],
        ]),
        width: 7,
        paint: "metal",
      },
      { kind: "piece", d: hemBand(body, 34), tone: -0.04 },
      ...cuffBand(body, 40, 66).map((d): Overlay => ({ kind: "piece", d, tone: -0.05 })),
      ...armholeSeams(body).map((d): Overlay => ({ kind: "seam", d })),
    ],
    extent: [
      body.vertices,
      [
        [C - 74, 70],
        [C + 74, 70],
      ],
    ],
    fit: fitWarp(fit, 140, 320, 0.85),
  });
};
