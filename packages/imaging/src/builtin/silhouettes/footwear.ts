import type { Overlay, SilhouetteBuilder } from "../garment-shape";
import { polyline, rectPath, roundedPath, smoothLine, type Vertex } from "../geometry";
import { buildShape } from "./build-shape";

/** Shoes are drawn in profile, toe to the right, the way product shots show them. */

export const sneakers: SilhouetteBuilder = () => {
  const upper: Vertex[] = [
    [140, 650, 10],
    [128, 470, 50],
    [175, 395, 30],
    [300, 425, 40],
    [372, 340, 16],
    [432, 350, 10],
    [700, 520, 90],
    [858, 568, 60],
    [884, 650, 16],
  ];
  const sole: Vertex[] = [
    [112, 630, 20],
    [900, 630, 30],
    [904, 700, 26],
    [118, 705, 26],
  ];
  const laces: Overlay[] = [0, 1, 2, 3, 4].map((i) => ({
    kind: "cord",
    d: polyline([
      [430 + i * 55, 380 + i * 34],
      [470 + i * 55, 395 + i * 34],
    ]),
    width: 9,
    paint: "light",
  }));
  return buildShape({
    fabric: [roundedPath(upper)],
    over: [
      {
        kind: "piece",
        d: roundedPath([
          [720, 560, 40],
          [860, 572, 50],
          [884, 640, 10],
          [700, 640, 10],
        ]),
        tone: 0.04,
      },
      {
        kind: "piece",
        d: roundedPath([
          [128, 470, 40],
          [200, 470, 20],
          [230, 640, 6],
          [138, 640, 6],
        ]),
        tone: -0.04,
      },
      {
        kind: "piece",
        d: roundedPath([
          [390, 360, 10],
          [700, 540, 40],
          [690, 580, 20],
          [380, 420, 10],
        ]),
        tone: 0.03,
      },
      {
        kind: "stitch",
        d: smoothLine([
          [260, 600],
          [420, 520],
          [600, 610],
        ]),
      },
      ...laces,
      { kind: "solid", d: roundedPath(sole), paint: "sole" },
      {
        kind: "seam",
        d: polyline([
          [122, 668],
          [898, 668],
        ]),
      },
    ],
    extent: [upper, sole],
  });
};

export const ankleBoots: SilhouetteBuilder = () => {
  const upper: Vertex[] = [
    [185, 650, 8],
    [172, 220, 14],
    [420, 208, 14],
    [438, 440, 80],
    [760, 548, 100],
    [866, 600, 50],
    [876, 660, 10],
  ];
  const sole: Vertex[] = [
    [160, 648, 10],
    [888, 648, 16],
    [886, 690, 12],
    [160, 692, 8],
  ];
  const heel: Vertex[] = [
    [165, 690, 4],
    [315, 690, 4],
    [305, 790, 6],
    [170, 790, 6],
  ];
  return buildShape({
    fabric: [roundedPath(upper)],
    over: [
      {
        kind: "piece",
        d: roundedPath([
          [300, 212, 10],
          [420, 210, 10],
          [400, 420, 30],
        ]),
        tone: -0.1,
        ribs: "vertical",
      },
      {
        kind: "cord",
        d: polyline([
          [190, 200],
          [192, 150],
          [240, 150],
          [242, 210],
        ]),
        width: 12,
        paint: "shade",
      },
      {
        kind: "stitch",
        d: smoothLine([
          [190, 600],
          [500, 610],
          [860, 630],
        ]),
      },
      { kind: "solid", d: roundedPath(heel), paint: "dark" },
      { kind: "solid", d: roundedPath(sole), paint: "dark" },
    ],
    extent: [upper, sole, heel, [[190, 150]]],
  });
};

export const loafers: SilhouetteBuilder = () => {
  const upper: Vertex[] = [
    [150, 610, 8],
    [148, 470, 50],
    [250, 445, 40],
    [520, 452, 60],
    [770, 520, 90],
    [872, 580, 50],
    [882, 640, 10],
  ];
  const sole: Vertex[] = [
    [135, 628, 10],
    [894, 628, 16],
    [890, 664, 12],
    [135, 668, 8],
  ];
  const heel: Vertex[] = [
    [140, 664, 4],
    [260, 664, 4],
    [256, 700, 4],
    [142, 700, 4],
  ];
  return buildShape({
    fabric: [roundedPath(upper)],
    over: [
      {
        kind: "solid",
        d: roundedPath([
          [250, 452, 30],
          [520, 458, 40],
          [460, 478, 20],
          [270, 470, 20],
        ]),
        paint: "lining",
      },
      {
        kind: "stitch",
        d: smoothLine([
          [500, 460],
          [560, 540],
          [700, 560],
          [820, 560],
        ]),
      },
      {
        kind: "piece",
        d: roundedPath([
          [470, 470, 12],
          [560, 480, 12],
          [600, 560, 12],
          [520, 560, 12],
        ]),
        tone: -0.05,
      },
      { kind: "solid", d: rectPath(520, 500, 40, 14, 6), paint: "lining" },
      { kind: "solid", d: roundedPath(heel), paint: "dark" },
      { kind: "solid", d: roundedPath(sole), paint: "dark" },
    ],
    extent: [upper, sole, heel],
  });
};

export const heels: SilhouetteBuilder = () => {
  const upper: Vertex[] = [
    [205, 640, 8],
    [196, 430, 40],
    [330, 475, 60],
    [560, 575, 80],
    [820, 650, 60],
    [892, 700, 16],
    [600, 705, 40],
    [420, 640, 80],
    [262, 650, 20],
  ];
  const heel: Vertex[] = [
    [205, 640, 6],
    [262, 646, 6],
    [246, 900, 2],
    [232, 900, 2],
  ];
  return buildShape({
    fabric: [roundedPath(upper), roundedPath(heel)],
    over: [
      {
        kind: "solid",
        d: roundedPath([
          [205, 440, 30],
          [330, 480, 50],
          [520, 570, 40],
          [300, 520, 30],
          [215, 520, 20],
        ]),
        paint: "lining",
      },
      {
        kind: "cord",
        d: smoothLine([
          [262, 652],
          [420, 646],
          [600, 708],
          [890, 704],
        ]),
        width: 8,
        paint: "dark",
      },
      { kind: "solid", d: rectPath(228, 890, 22, 14, 3), paint: "dark" },
    ],
    extent: [upper, heel],
  });
};

/** Sandals: a pair seen from above, where the straps tell them apart from any other shoe. */
export const sandals: SilhouetteBuilder = () => {
  const foot = (cx: number, flip: 1 | -1): Vertex[] =>
    (
      [
        [-40, 150, 60],
        [45, 140, 60],
        [72, 300, 80],
        [52, 520, 80],
        [58, 700, 70],
        [22, 812, 60],
        [-30, 812, 60],
        [-60, 700, 70],
        [-54, 520, 80],
        [-72, 300, 80],
      ] as Vertex[]
    ).map(([x, y, r]): Vertex => [cx + flip * x, y, r]);
  const strap = (cx: number, y: number, w: number, tilt: number) =>
    roundedPath([
      [cx - w, y - 30 + tilt, 14],
      [cx + w, y - 30 - tilt, 14],
      [cx + w, y + 30 - tilt, 14],
      [cx - w, y + 30 + tilt, 14],
    ]);
  const left = foot(330, 1);
  const right = foot(670, -1);
  const straps = [
    strap(330, 300, 86, 10),
    strap(330, 640, 72, 0),
    strap(670, 300, 86, -10),
    strap(670, 640, 72, 0),
  ];
  return buildShape({
    fabric: [roundedPath(left), roundedPath(right), ...straps],
    under: [
      {
        kind: "solid",
        d: roundedPath(left.map(([x, y, r]): Vertex => [x + 8, y + 10, r])),
        paint: "dark",
      },
      {
        kind: "solid",
        d: roundedPath(right.map(([x, y, r]): Vertex => [x + 8, y + 10, r])),
        paint: "dark",
      },
    ],
    over: [
      ...straps.map((d): Overlay => ({ kind: "piece", d, tone: -0.06 })),
      { kind: "button", x: 380, y: 640, r: 10, paint: "metal" },
      { kind: "button", x: 720, y: 640, r: 10, paint: "metal" },
    ],
    extent: [
      left,
      right,
      [
        [250, 830],
        [760, 830],
      ],
    ],
  });
};
