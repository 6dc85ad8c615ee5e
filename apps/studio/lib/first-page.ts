import type { JobStatus } from "@garment/schemas";

/**
 * The inputs of the lists' first pages, shared by the client views (their useQuery) and the
 * pages that prefetch them on the server: a query hydrates only under the same input.
 */
export const LEDGER_PAGE_SIZE = 10;
export const CATALOG_PAGE_SIZE = 12;
export const HISTORY_PAGE_SIZE = 12;
export const BATCHES_PAGE_SIZE = 20;
export const FIRST_ACTIVITY_RANGE = "24h" as const;

/** The history list's filters as its URL holds them. */
export interface HistoryFilters {
  status: string;
  category: string;
  offset: number;
  /** ISO instants (the day's start in the stylist's time zone), or empty. */
  createdAfter: string;
  createdBefore: string;
}

/** The studio.history input for the filters. */
export function historyInput(filters: HistoryFilters) {
  return {
    limit: HISTORY_PAGE_SIZE,
    offset: filters.offset,
    ...(filters.status ? { status: filters.status as JobStatus } : {}),
    ...(filters.category ? { garment_category_public_id: filters.category } : {}),
    ...(filters.createdAfter ? { created_after: filters.createdAfter } : {}),
    ...(filters.createdBefore ? { created_before: filters.createdBefore } : {}),
  };
}

/** The list's offset from the URL: a whole number, 0 when absent or nonsense. */
export function offsetParam(value: string | null | undefined): number {
  return Math.max(0, Number(value) || 0);
}

/** The batches.list input for a page: the first, or the one after the cursor the URL holds. */
export function batchesInput(cursor: string) {
  return { limit: BATCHES_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
}
