import { labDistance, type Lab } from "./lab";

export type Segmentation = {
  background: Lab;
  /** Share of border pixels close to the background colour. */
  borderUniformity: number;
  /** Share of border pixels that belong to the garment (a garment cut off by the frame). */
  borderForeground: number;
  /** 1 where the pixel is garment (or its shadow), 0 where it is background. */
  mask: Uint8Array;
  coverage: number;
};

/** Distance (CIE76) from the background colour above which a pixel is foreground. */
const FOREGROUND_DISTANCE = 7;
const UNIFORM_DISTANCE = 10;

/**
 * Flat-lays sit on a plain light ground, so the border tells us the background colour and
 * everything far enough from it is the garment. Works for any model's output, as long as it
 * photographed the garment on a background, which is what the prompt asks for.
 */
export function segmentForeground(
  lab: readonly Lab[],
  width: number,
  height: number,
): Segmentation {
  const ring = Math.max(2, Math.round(Math.min(width, height) * 0.03));
  const border: Lab[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (x >= ring && x < width - ring && y >= ring && y < height - ring) continue;
      const p = lab[y * width + x];
      if (p) border.push(p);
    }
  const background = medianLab(border);
  const uniform = border.filter((p) => labDistance(p, background) <= UNIFORM_DISTANCE).length;
  const mask = new Uint8Array(lab.length);
  let foreground = 0;
  for (let i = 0; i < lab.length; i++) {
    const p = lab[i];
    if (p && labDistance(p, background) > FOREGROUND_DISTANCE) {
      mask[i] = 1;
      foreground++;
    }
  }
  let borderForeground = 0;
  for (const p of border) if (labDistance(p, background) > FOREGROUND_DISTANCE) borderForeground++;
  return {
    background,
    borderUniformity: border.length ? uniform / border.length : 0,
    borderForeground: border.length ? borderForeground / border.length : 1,
    mask,
    coverage: lab.length ? foreground / lab.length : 0,
  };
}

function medianLab(points: readonly Lab[]): Lab {
  const median = (values: number[]) => {
    values.sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return {
    l: median(points.map((p) => p.l)),
    a: median(points.map((p) => p.a)),
    b: median(points.map((p) => p.b)),
  };
}
