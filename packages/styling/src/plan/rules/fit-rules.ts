import type { Fit } from "@garment/schemas";

/** Volume needs a counterweight: never loose with loose, never slim with slim. */
export function fitAllowed(product: Fit | null, candidate: Fit): boolean {
  if (product === null) return true;
  if (product === "loose" && candidate === "loose") return false;
  if (product === "slim" && candidate === "slim") return false;
  return true;
}

export interface FitAssessment {
  score: number;
  reason: string;
}

const FIT_BALANCE: Readonly<Record<Fit, Readonly<Record<Fit, number>>>> = {
  loose: { slim: 1, regular: 0.85, loose: 0 },
  slim: { slim: 0, regular: 0.85, loose: 1 },
  regular: { slim: 0.9, regular: 0.75, loose: 0.9 },
};

/** `product` is null when the product has no body fit (shoes, bags). */
export function assessFit(
  product: Fit | null,
  candidate: Fit,
  candidateHasFit: boolean,
): FitAssessment {
  if (!candidateHasFit) return { score: 0.8, reason: "Fit: not applicable (one size, regular)" };
  if (product === null)
    return { score: 0.8, reason: `${cap(candidate)} fit, the category's natural cut` };
  if (!fitAllowed(product, candidate)) {
    return { score: 0, reason: `${candidate} with ${product} leaves no counterweight` };
  }
  const score = FIT_BALANCE[product][candidate];
  const reason =
    product === "regular"
      ? `${cap(candidate)} fit with a regular product: ${candidate === "regular" ? "classic balance" : "a little shape contrast"}`
      : `${cap(candidate)} fit balances the ${product} product (volume against slimness)`;
  return { score, reason };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
