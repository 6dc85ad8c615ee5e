// When to try again after a retriable failure: the SDK's `retry-after` if it sent one
// (RetryAfterError), otherwise exponential backoff with jitter.

export interface BackoffOptions {
  /** Delay before the first retry; doubles with each attempt. */
  initialMs: number;
  /** Upper bound for one delay. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1_000, maxMs: 5 * 60_000 };

/** `attempt` is the attempt about to be made (1 for the first retry). */
export function backoffDelayMs(
  attempt: number,
  { initialMs, maxMs }: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  // Jitter keeps retries of many runs failing together from arriving together.
  return Math.round(exponential * (0.5 + random() / 2));
}

/** `retry-after` is either whole seconds or a date (inngest RetryAfterError). */
export function retryAfterDate(retryAfter: string | undefined, now: Date): Date | undefined {
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter.trim())) return new Date(now.getTime() + Number(retryAfter) * 1_000);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : new Date(Math.max(at, now.getTime()));
}

export function nextRetryAt(
  attempt: number,
  retryAfter: string | undefined,
  now: Date,
  backoff: BackoffOptions,
): Date {
  return (
    retryAfterDate(retryAfter, now) ?? new Date(now.getTime() + backoffDelayMs(attempt, backoff))
  );
}
