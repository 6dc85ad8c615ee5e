import type { Overlay, SilhouetteBuilder } from "../garment-shape";
import {
  CENTER_X,
  ellipsePath,
  polyline,
  rectPath,
  roundedPath,
  smoothLine,
  type Vertex,
} from "../geometry";
import { buildShape } from "./build-shape";

const C = CENTER_X;

export const handbag: SilhouetteBuilder = () => {
  const bag: Vertex[] = [
    [C - 250, 420, 30],
    [C + 250, 420, 30],
    [C + 300, 820, 40],
    [C - 300, 820, 40],
  ];
  const flap: Vertex[] = [
    [C - 252, 420, 30],
    [C + 252, 420, 30],
    [C + 266, 560, 20],
    [C, 640, 60],
    [C - 266, 560, 20],
  ];
  return buildShape({
    fabric: [roundedPath(bag)],
    under: [
      {
        kind: "cord",
        d: smoothLine([
          [C - 150, 440],
          [C - 150, 230],
          [C, 200],
          [C + 150, 230],
          [C + 150, 440],
        ]),
        width: 30,
        paint: "shade",
      },
    ],
    over: [
      { kind: "piece", d: roundedPath(flap), tone: 0.04 },
      {
        kind: "stitch",
        d: smoothLine([
          [C - 236, 440],
          [C - 246, 550],
          [C, 620],
          [C + 246, 550],
          [C + 236, 440],
        ]),
      },
      { kind: "solid", d: rectPath(C - 30, 612, 60, 46, 8), paint: "metal" },
      { kind: "solid", d: rectPath(C - 16, 624, 32, 22, 5), paint: "shade" },
      {
        kind: "stitch",
        d: polyline([
          [C - 280, 790],
          [C + 280, 790],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 200, 700],
          [C - 120, 740],
          [C - 40, 730],
        ]),
      },
    ],
    extent: [
      bag,
      [
        [C - 170, 190],
        [C + 170, 190],
      ],
    ],
  });
};

export const belt: SilhouetteBuilder = () => {
  const strap: Vertex[] = [
    [150, 470, 4],
    [860, 470, 20],
    [910, 500, 10],
    [860, 530, 20],
    [150, 530, 4],
  ];
  const holes: Overlay[] = [700, 735, 770, 805].map((x) => ({
    kind: "button",
    x,
    y: 500,
    r: 6,
    paint: "dark",
  }));
  return buildShape({
    fabric: [roundedPath(strap)],
    over: [
      {
        kind: "stitch",
        d: polyline([
          [210, 478],
          [870, 478],
        ]),
      },
      {
        kind: "stitch",
        d: polyline([
          [210, 522],
          [870, 522],
        ]),
      },
      ...holes,
      { kind: "piece", d: rectPath(230, 460, 34, 80, 4), tone: -0.05 },
      { kind: "cord", d: rectPath(96, 440, 96, 120, 18), width: 16, paint: "metal" },
      {
        kind: "cord",
        d: polyline([
          [110, 500],
          [200, 500],
        ]),
        width: 9,
        paint: "metal",
      },
    ],
    extent: [
      strap,
      [
        [88, 432],
        [200, 568],
      ],
    ],
  });
};

export const scarf: SilhouetteBuilder = ({ random }) => {
  const sway = random.range(-20, 20);
  const cloth: Vertex[] = [
    [C - 150, 120, 6],
    [C + 150, 120, 6],
    [C + 160 + sway, 880, 6],
    [C - 140 + sway, 880, 6],
  ];
  const fringe = (y0: number, x0: number, x1: number, dir: 1 | -1) => {
    let d = "";
    for (let x = x0 + 6; x < x1; x += 13) d += `M${x} ${y0}l${dir * 0} ${dir * 40}`;
    return d;
  };
  return buildShape({
    fabric: [roundedPath(cloth)],
    over: [
      {
        kind: "piece",
        d: roundedPath([
          [C - 150, 120, 6],
          [C + 150, 120, 6],
          [C - 150, 330, 6],
        ]),
        tone: 0.05,
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 60, 340],
          [C - 40 + sway / 2, 600],
          [C - 50 + sway, 860],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C + 70, 200],
          [C + 60 + sway / 2, 520],
          [C + 80 + sway, 860],
        ]),
      },
      { kind: "cord", d: fringe(120, C - 150, C + 150, -1), width: 5, paint: "shade" },
      { kind: "cord", d: fringe(880, C - 140 + sway, C + 160 + sway, 1), width: 5, paint: "shade" },
    ],
    extent: [
      cloth,
      [
        [C - 150, 78],
        [C + 160 + sway, 922],
      ],
    ],
  });
};

export const hat: SilhouetteBuilder = () => {
  const crown: Vertex[] = [
    [C - 200, 610, 10],
    [C - 190, 330, 70],
    [C - 70, 285, 50],
    [C, 318, 40],
    [C + 70, 285, 50],
    [C + 190, 330, 70],
    [C + 200, 610, 10],
  ];
  const brim = ellipsePath(C, 610, 390, 92);
  const band = roundedPath([
    [C - 198, 540, 6],
    [C + 198, 540, 6],
    [C + 200, 600, 6],
    [C - 200, 600, 6],
  ]);
  return buildShape({
    fabric: [brim, roundedPath(crown)],
    over: [
      { kind: "piece", d: ellipsePath(C, 610, 390, 92), tone: -0.02 },
      { kind: "piece", d: roundedPath(crown), tone: 0.02 },
      { kind: "solid", d: band, paint: "dark" },
      {
        kind: "stitch",
        d: smoothLine([
          [C - 360, 630],
          [C, 690],
          [C + 360, 630],
        ]),
      },
      {
        kind: "fold",
        d: smoothLine([
          [C - 40, 330],
          [C - 20, 420],
          [C - 30, 520],
        ]),
      },
    ],
    extent: [
      crown,
      [
        [C - 390, 520],
        [C + 390, 702],
      ],
    ],
  });
};
