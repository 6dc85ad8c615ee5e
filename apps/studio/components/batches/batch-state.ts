/** The job statuses in the order a batch's counts are shown. */
export const STATUS_ORDER = ["NOT_STARTED", "IN_PROGRESS", "SUCCESS", "FAILURE"] as const;

/** What a batch's summary says of its end (batches.list and batches.get alike). */
interface BatchProgress {
  finished_at: string | null;
  item_count: number;
  counts: { SUCCESS: number; FAILURE: number };
}

/**
 * Every job is terminal. `finished_at` says so once the batch.finished announcement is written;
 * the counts say it on the poll that sees the last job end, which may come first.
 */
export function isBatchFinished(batch: BatchProgress): boolean {
  return !!batch.finished_at || batch.counts.SUCCESS + batch.counts.FAILURE === batch.item_count;
}
