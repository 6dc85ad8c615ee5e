import { ApiError } from "../../errors";
import { QUEUE_FULL_RETRY_AFTER_SECONDS } from "../dispatch/dispatch-complementary-garment";

/** 402 for a set of variants the balance does not cover: none of them is charged. */
export function variantsNotCovered(total: number, balance: number): ApiError {
  return new ApiError(
    "INSUFFICIENT_BALANCE",
    `These variants cost ${total} credits together; the balance is ${balance}, ${total - balance} short. Nothing was charged.`,
    undefined,
    { "x-credits-shortfall": String(Math.max(0, total - balance)) },
  );
}

/**
 * 429 for a set of variants that would take the client past its cap of unfinished jobs: the
 * set is refused whole (nothing charged), as a dispatch is when the queue is full.
 */
export function variantsQueueFull(unfinished: number, count: number, cap: number): ApiError {
  return new ApiError(
    "RATE_LIMITED",
    `This client has ${unfinished} unfinished jobs; ${count} more would pass the ${cap} it may have queued. Nothing was charged. Retry after ${QUEUE_FULL_RETRY_AFTER_SECONDS} s.`,
    undefined,
    { "retry-after": String(QUEUE_FULL_RETRY_AFTER_SECONDS) },
  );
}
