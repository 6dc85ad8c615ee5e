// When to try again after a retriable failure, as Inngest's executor decides it: the SDK's
// `retry-after` if it sent one (RetryAfterError), clipped to [1 s, 24 h]; otherwise the
// executor's backoff table, indexed by the attempt that just failed, plus random jitter.
// Sources (inngest/inngest): pkg/backoff/backoff.go (BackoffTable, TableBackoff),
// pkg/execution/queue/process.go (backoffFunc(qi.Data.Attempt)), pkg/consts/consts.go
// (MinRetryDuration, MaxRetryDuration), pkg/execution/driver/httpdriver/parse.go (ParseRetry).

export interface BackoffOptions {
  /** Delay after the n-th failed attempt (0-based); the last entry repeats. */
  delaysMs: readonly number[];
  /** Up to this much random delay is added to each entry. */
  jitterMs: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Inngest's executor backoff: 15 s, 30 s, 1, 2, 5, 10, 20, 40 min, 1 h, then 2 h; 0–30 s jitter. */
export const inngestBackoff: BackoffOptions = {
  delaysMs: [
    15 * SECOND,
    30 * SECOND,
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    20 * MINUTE,
    40 * MINUTE,
    HOUR,
    2 * HOUR,
  ],
  jitterMs: 30 * SECOND,
};

/** The same schedule `factor` times as fast (tests: `scaledBackoff(1 / 1000)` → 15 ms, 30 ms, …). */
export function scaledBackoff(
  factor: number,
  base: BackoffOptions = inngestBackoff,
): BackoffOptions {
  return {
    delaysMs: base.delaysMs.map((ms) => Math.round(ms * factor)),
    jitterMs: Math.round(base.jitterMs * factor),
  };
}

/** A retry-after is never sooner than 1 s nor later than 24 h away (Inngest clips it). */
const MIN_RETRY_AFTER_MS = SECOND;
const MAX_RETRY_AFTER_MS = 24 * HOUR;

/** `failedAttempt` is the 0-based attempt that just failed. */
export function backoffDelayMs(
  failedAttempt: number,
  { delaysMs, jitterMs }: BackoffOptions,
  random: () => number = Math.random,
): number {
  const index = Math.min(Math.max(0, failedAttempt), delaysMs.length - 1);
  return (delaysMs[index] ?? 0) + Math.floor(random() * jitterMs);
}

/** `retry-after` is whole seconds (up to 7 digits) or a date (inngest RetryAfterError). */
export function retryAfterDate(retryAfter: string | undefined, now: Date): Date | undefined {
  const text = retryAfter?.trim();
  if (!text) return undefined;
  let at: number;
  if (/^\d{1,7}$/.test(text) && Number(text) > 0) at = now.getTime() + Number(text) * SECOND;
  else at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const delay = Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, at - now.getTime()));
  return new Date(now.getTime() + delay);
}

export function nextRetryAt(
  failedAttempt: number,
  retryAfter: string | undefined,
  now: Date,
  backoff: BackoffOptions,
): Date {
  return (
    retryAfterDate(retryAfter, now) ??
    new Date(now.getTime() + backoffDelayMs(failedAttempt, backoff))
  );
}
