/** The season a look is styled for, when the request says so. */
export type Season = "spring" | "summer" | "autumn" | "winter";

/** The request metadata key that carries the hint: `metadata.season`. */
export const SEASON_METADATA_KEY = "season";

const SEASON_WORDS: Readonly<Record<string, Season>> = {
  spring: "spring",
  summer: "summer",
  autumn: "autumn",
  fall: "autumn",
  winter: "winter",
};

export interface SeasonHint {
  season: Season | null;
  /** What the request carried under `metadata.season`, when it carried something we did not understand. */
  unrecognized: string | null;
}

/**
 * Reads the season hint from request metadata (`{"season": "winter"}`; spring, summer,
 * autumn/fall, winter, any case). Metadata is free-form and echoed back, so anything else is
 * not an error: the plan says it was ignored and styles for no particular season.
 */
export function seasonFromMetadata(metadata: unknown): SeasonHint {
  if (typeof metadata !== "object" || metadata === null)
    return { season: null, unrecognized: null };
  const raw = (metadata as Record<string, unknown>)[SEASON_METADATA_KEY];
  if (raw === undefined || raw === null || raw === "") return { season: null, unrecognized: null };
  const season = typeof raw === "string" ? SEASON_WORDS[raw.trim().toLowerCase()] : undefined;
  return season
    ? { season, unrecognized: null }
    : { season: null, unrecognized: String(JSON.stringify(raw)).slice(0, 40) };
}
