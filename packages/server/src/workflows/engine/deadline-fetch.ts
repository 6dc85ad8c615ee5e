/**
 * A fetch whose every call gives up after `timeoutMs()` (an AbortSignal deadline, combined with
 * the caller's own signal). Handed to the Inngest client so sending an event to Inngest Cloud
 * can never hang a dispatch: past the deadline the send fails and the dispatch refunds (503).
 */
export function deadlineFetch(timeoutMs: () => number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs());
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return base(input, { ...init, signal });
  };
}
