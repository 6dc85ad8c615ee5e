import type { BatchCounts } from "@garment/schemas";

/** The batch's counts by status at one moment (ms since the epoch). */
export interface ProgressSample extends BatchCounts {
  at: number;
}

/** Most samples kept: at one poll a second, a quarter of an hour of changes. */
export const MAX_SAMPLES = 900;

const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "SUCCESS", "FAILURE"] as const;

/**
 * Adds a poll's counts to the progress series when they changed since the last sample (polls
 * that saw nothing new add no points), keeping the newest MAX_SAMPLES.
 */
export function recordProgress(
  samples: readonly ProgressSample[],
  counts: BatchCounts,
  at: number,
): readonly ProgressSample[] {
  const last = samples.at(-1);
  if (last && STATUSES.every((status) => last[status] === counts[status])) return samples;
  const next = [...samples, { at, ...pick(counts) }];
  return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
}

function pick(counts: BatchCounts): BatchCounts {
  return {
    NOT_STARTED: counts.NOT_STARTED,
    IN_PROGRESS: counts.IN_PROGRESS,
    SUCCESS: counts.SUCCESS,
    FAILURE: counts.FAILURE,
  };
}
