/** Requests per credential per window; bursts up to `requests` are allowed. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * The generic cell rate algorithm (GCRA), a token bucket kept as one number: the theoretical
 * arrival time (TAT) of the next request. Each request moves the TAT one emission interval
 * (window / requests) later; a request is refused while the TAT is more than the burst
 * tolerance (window − interval) ahead of now. One number per key is what makes the shared
 * stores (one SQL upsert, one Redis script) atomic and small; they implement this same rule.
 */
export function gcra(
  storedTatMs: number | null,
  nowMs: number,
  limit: RateLimit,
): { decision: RateDecision; tatMs: number | null } {
  const { intervalMs, toleranceMs } = gcraParameters(limit);
  const tat = Math.max(storedTatMs ?? nowMs, nowMs);
  const ahead = tat - nowMs;
  if (ahead > toleranceMs)
    return { decision: { allowed: false, retryAfterMs: ahead - toleranceMs }, tatMs: null };
  return { decision: { allowed: true }, tatMs: tat + intervalMs };
}

export function gcraParameters(limit: RateLimit) {
  const intervalMs = limit.windowMs / limit.requests;
  return { intervalMs, toleranceMs: limit.windowMs - intervalMs };
}
