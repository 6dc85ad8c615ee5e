import { seasonsInverted, warmthClass, type WarmthClass } from "../../taxonomy/warmth";
import type { Season } from "../season-hint";

export interface SeasonAssessment {
  score: number;
  reason: string;
  allowed: boolean;
}

const WEIGHT_WORD: Readonly<Record<WarmthClass, string>> = {
  summer: "a hot-weather piece",
  "all-season": "an all-season weight",
  winter: "a cold-weather piece",
};

/** The hint forbids the opposite season outright: no shorts for winter, no puffer for summer. */
function hintForbids(season: Season | null, candidate: WarmthClass): boolean {
  return (
    (season === "summer" && candidate === "winter") ||
    (season === "winter" && candidate === "summer")
  );
}

/** How well a warmth suits the hinted season, 0..1 (no hint: every weight suits). */
function hintFit(season: Season | null, warmth: number): number {
  switch (season) {
    case null:
      return 1;
    case "summer":
      return warmth < 0.9 ? 1 : Math.max(0.4, 1 - 0.3 * (warmth - 0.9));
    case "winter":
      return warmth >= 2.4 ? 1 : Math.max(0.4, 0.6 + 0.27 * (warmth - 0.9));
    case "spring":
      return warmth < 0.9 ? 0.85 : warmth >= 2.4 ? 0.6 : 1;
    case "autumn":
      return warmth < 0.9 ? 0.6 : warmth >= 2.4 ? 0.85 : 1;
  }
}

/** The numbers of the season rule, without the words (cheap enough to score every option). */
export function seasonFit(
  productWarmth: number,
  candidateWarmth: number,
  season: Season | null,
): { allowed: boolean; score: number } {
  const c = warmthClass(candidateWarmth);
  if (seasonsInverted(warmthClass(productWarmth), c) || hintForbids(season, c))
    return { allowed: false, score: 0 };
  const continuity = Math.max(0.5, 1 - 0.15 * Math.abs(productWarmth - candidateWarmth));
  return { allowed: true, score: continuity * hintFit(season, candidateWarmth) };
}

/**
 * Season and weight: never a summer piece with a winter one (a linen tank under a puffer, a
 * fleece hoodie over shorts), never the opposite season to the hint; otherwise the closer the
 * two weights and the better the hinted season is served, the higher the score.
 */
export function assessSeason(
  productWarmth: number,
  candidateWarmth: number,
  season: Season | null,
): SeasonAssessment {
  const p = warmthClass(productWarmth);
  const c = warmthClass(candidateWarmth);
  const hint = season ? `styled for ${season} (metadata.season)` : "no season hinted";
  if (seasonsInverted(p, c))
    return {
      score: 0,
      allowed: false,
      reason: `${WEIGHT_WORD[c]} cannot go with ${WEIGHT_WORD[p]}`,
    };
  if (hintForbids(season, c))
    return { score: 0, allowed: false, reason: `${WEIGHT_WORD[c]} is out of season: ${hint}` };
  const { score } = seasonFit(productWarmth, candidateWarmth, season);
  const match =
    p === c
      ? `matching the product's ${p} weight`
      : `beside ${p === "all-season" ? "an" : "a"} ${p} product`;
  return { score, allowed: true, reason: `${cap(WEIGHT_WORD[c])}, ${match}; ${hint}` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
