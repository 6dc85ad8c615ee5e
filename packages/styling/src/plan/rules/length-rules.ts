import type { GarmentSlot, LengthKey } from "@garment/schemas";
import { LENGTHS } from "../../vocabulary/lengths";

export interface LengthContext {
  slot: GarmentSlot;
  length: LengthKey | null;
}

export interface LengthAssessment {
  score: number;
  reason: string;
}

const LONG_BOTTOM: ReadonlySet<LengthKey> = new Set(["full", "ankle", "midi", "maxi"]);
const SHORT_TOP: ReadonlySet<LengthKey> = new Set(["cropped", "waist"]);
const hem = (l: LengthKey) => LENGTHS[l].hemPosition;

/**
 * Hard proportion rule: over a maxi one-piece only a cropped or waist-length layer keeps the
 * skirt line (anything longer cuts it at an in-between length).
 */
export function lengthForbidden(product: LengthContext, candidate: LengthContext): boolean {
  return (
    product.slot === "one_piece" &&
    product.length === "maxi" &&
    candidate.slot === "outerwear" &&
    candidate.length !== null &&
    !SHORT_TOP.has(candidate.length)
  );
}

/** Rule of thirds and layered hems, scored for a candidate length against the product's. */
export function assessLength(product: LengthContext, candidate: LengthContext): LengthAssessment {
  const c = candidate.length;
  const p = product.length;
  if (c === null) return { score: 0.8, reason: "Length: not applicable" };
  if (lengthForbidden(product, candidate)) {
    return { score: 0, reason: `A ${c} layer would cut the maxi skirt line` };
  }
  if (p === null)
    return { score: 0.8, reason: `${cap(c)} length, the natural proportion for the category` };
  const say = (score: number, why: string) => ({ score, reason: `${cap(c)} length: ${why}` });
  const pair = `${product.slot}>${candidate.slot}`;
  switch (pair) {
    case "one_piece>outerwear": {
      if (p === "midi" || p === "maxi") {
        if (SHORT_TOP.has(c))
          return say(1, `a cropped layer over a ${p} dress keeps the long line (rule of thirds)`);
        if (hem(c) > hem(p)) return say(0.75, `a long layer that clears the ${p} hem`);
        return say(c === "hip" ? 0.45 : 0.4, `ends at an in-between length over a ${p} hem`);
      }
      if (SHORT_TOP.has(c)) return say(0.95, "a short layer defines the waist over the dress");
      if (Math.abs(hem(c) - hem(p)) < 0.05)
        return say(0.8, `reaches the ${p} hem for one clean column`);
      return say(
        hem(c) > hem(p) ? 0.8 : 0.7,
        `a layer ending ${hem(c) > hem(p) ? "below" : "above"} the ${p} hem`,
      );
    }
    case "outerwear>one_piece": {
      if (SHORT_TOP.has(p))
        return say(hem(c) >= hem("midi") ? 1 : 0.9, `under a ${p} jacket, cropped over long`);
      if (Math.abs(hem(c) - hem(p)) < 0.05)
        return say(0.4, `ends where the ${p} coat ends, hems compete`);
      return say(
        hem(c) < hem(p) ? 0.9 : 0.6,
        hem(c) < hem(p)
          ? `shorter than the ${p} coat, layers read clearly`
          : `longer than the ${p} coat`,
      );
    }
    case "top>bottom": {
      if (SHORT_TOP.has(p))
        return say(
          LONG_BOTTOM.has(c) ? 1 : c === "short" || c === "mini" ? 0.75 : 0.35,
          LONG_BOTTOM.has(c)
            ? `a ${p} top over a long, high bottom (rule of thirds)`
            : c === "short" || c === "mini"
              ? `a ${p} top over a high, short hem: all leg below a short torso`
              : `a ${p} top over a ${c} hem that cuts the leg midway`,
        );
      if (p === "tunic")
        return say(
          c === "cropped" || c === "ankle"
            ? 1
            : c === "mini" || c === "knee" || c === "short"
              ? 0.95
              : c === "full"
                ? 0.6
                : 0.35,
          `a long top wants a ${c === "cropped" || c === "ankle" || c === "mini" || c === "short" ? "slim, short" : "longer"} bottom`,
        );
      return say(
        c === "maxi" ? 0.6 : 0.85,
        c === "maxi"
          ? "a hip-length top over a maxi splits the body in half unless tucked"
          : "a hip-length top, tuck for a 1/3–2/3 split",
      );
    }
    case "bottom>top": {
      if (LONG_BOTTOM.has(p))
        return say(
          SHORT_TOP.has(c) ? 1 : c === "hip" ? 0.8 : p === "maxi" ? 0.3 : 0.5,
          SHORT_TOP.has(c)
            ? `a ${c} top over a ${p} bottom gives a 1/3–2/3 split`
            : `a ${c} top shortens the ${p} line`,
        );
      return say(c === "hip" || c === "tunic" ? 0.9 : 0.8, `balances a ${p} bottom`);
    }
    case "top>outerwear":
    case "outerwear>top": {
      const outer = candidate.slot === "outerwear" ? c : p;
      const inner = candidate.slot === "outerwear" ? p : c;
      const gap = hem(outer) - hem(inner);
      if (Math.abs(gap) < 0.04) return say(0.35, "layers ending at the same line look unfinished");
      return say(
        gap > 0 ? 1 : 0.7,
        gap > 0
          ? "the layer ends below the top, hems staggered"
          : "a cropped layer over a longer top, hems staggered",
      );
    }
    case "outerwear>bottom": {
      if (hem(p) >= hem("knee"))
        return say(
          c === "cropped" || c === "ankle" || c === "mini" || c === "short" || c === "knee"
            ? 1
            : c === "full"
              ? 0.75
              : 0.5,
          `under a long ${p} coat a slimmer, shorter line`,
        );
      if (SHORT_TOP.has(p))
        return say(
          LONG_BOTTOM.has(c) ? 1 : 0.75,
          `a ${p} jacket over a ${LONG_BOTTOM.has(c) ? "long" : "short"} bottom`,
        );
      return say(0.85, `under a ${p}-length jacket`);
    }
    case "bottom>outerwear": {
      if (LONG_BOTTOM.has(p))
        return say(
          SHORT_TOP.has(c) ? 1 : c === "hip" ? 0.85 : 0.75,
          `a ${c} layer over a ${p} bottom`,
        );
      return say(hem(c) >= hem("knee") ? 0.9 : 0.85, `a ${c} layer over a short bottom`);
    }
    default:
      return say(0.8, "the category's natural proportion");
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
