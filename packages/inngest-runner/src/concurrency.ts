// Inngest's `concurrency` option: how many steps of a function (or of every function sharing a
// key) execute at once. The runner counts a run as executing while it holds a lease, which is
// while it makes its calls; a run that sleeps or waits for a retry releases its slot, as in
// Inngest. Limits are enforced by the store's claim, so they hold across every process that
// shares the store.
//
// Semantics, from inngest/inngest pkg/inngest/concurrency.go and the SDK's types:
// - a number is `{ limit }`; an object `{ limit, key?, scope? }`; an array holds at most two;
// - `limit` 0 (or unset) means no limit from that entry;
// - `scope` is "fn" (default: the function's own queue), "env" or "account" (shared by every
//   function using the same key); "env" and "account" need a `key`;
// - the key is an expression over the event; its value names the queue: strings as they are,
//   other values printed, a missing value as "<nil>" (StepConcurrency.Evaluate).
import { compileKeyExpression } from "./event-expressions";
import type { InngestEvent } from "./protocol";

/** One limit a run is subject to: at most `limit` runs holding `key` execute at once. */
export interface ConcurrencySlot {
  key: string;
  limit: number;
}

export type ConcurrencyScope = "fn" | "env" | "account";

interface ConcurrencyEntry {
  limit: number;
  key?: string;
  scope?: ConcurrencyScope;
}

/** Inngest's maximum of concurrency entries per function (consts.MaxConcurrencyLimits). */
const MAX_CONCURRENCY_ENTRIES = 2;

export type ConcurrencyOption = number | ConcurrencyEntry | ConcurrencyEntry[] | undefined;

/** Why a concurrency option cannot be honoured, or the function computing a run's slots. */
export type CompiledConcurrency =
  | { ok: true; slotsFor: (event: InngestEvent) => ConcurrencySlot[] }
  | { ok: false; feature: string; hint: string };

export function compileConcurrency(functionId: string, option: unknown): CompiledConcurrency {
  if (option === undefined || option === null) return { ok: true, slotsFor: () => [] };
  const entries = (Array.isArray(option) ? option : [option]).map((entry: unknown) =>
    typeof entry === "number" ? { limit: entry } : (entry as ConcurrencyEntry),
  );
  if (entries.length > MAX_CONCURRENCY_ENTRIES) {
    return {
      ok: false,
      feature: `${entries.length} \`concurrency\` entries`,
      hint: `Inngest allows at most ${MAX_CONCURRENCY_ENTRIES}.`,
    };
  }
  const compiled: ((event: InngestEvent) => ConcurrencySlot)[] = [];
  for (const entry of entries) {
    const limit = entry.limit;
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0) {
      return {
        ok: false,
        feature: `the \`concurrency\` limit ${JSON.stringify(limit)}`,
        hint: "A limit is a whole number (0 means no limit).",
      };
    }
    if (limit === 0) continue;
    const scope = entry.scope ?? "fn";
    if (scope !== "fn" && scope !== "env" && scope !== "account") {
      return {
        ok: false,
        feature: `the \`concurrency\` scope "${String(scope)}"`,
        hint: 'Scopes are "fn", "env" and "account".',
      };
    }
    if (entry.key === undefined) {
      if (scope !== "fn") {
        return {
          ok: false,
          feature: `a "${scope}"-scoped \`concurrency\` limit without a key`,
          hint: "Inngest requires a key for env and account scopes.",
        };
      }
      compiled.push(() => ({ key: `fn:${functionId}`, limit }));
      continue;
    }
    const evaluate = compileKeyExpression(entry.key);
    if (!evaluate) {
      return {
        ok: false,
        feature: `the \`concurrency\` key expression \`${entry.key}\``,
        hint: "Supported: a field path such as `event.data.clientId`, or a quoted string.",
      };
    }
    // The embedded runner serves one app in one environment: env and account scopes both mean
    // "every function of this store", each in its own namespace as in Inngest.
    const namespace = scope === "fn" ? `fn:${functionId}` : scope;
    compiled.push((event) => ({ key: `${namespace}:key:${keyValue(evaluate(event))}`, limit }));
  }
  return { ok: true, slotsFor: (event) => compiled.map((slot) => slot(event)) };
}

/** A key's value as Inngest names its queue (Go's `%v`; `<nil>` for a missing value). */
function keyValue(value: unknown): string {
  if (value === undefined || value === null) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A due run as the claim sees it: its order and the slots it needs. */
export interface ClaimCandidate {
  id: string;
  nextRunAt: Date;
  concurrency: ConcurrencySlot[];
}

/**
 * Which due runs may start now: in due order, each only if every one of its keys still has a
 * free slot, counting the runs already executing (`held`) and those picked before it. A run
 * held back by one key still takes its turn in its other key's queue, which can leave a slot
 * idle until the next claim but never lets a key exceed its limit.
 *
 * When the claim cannot take every eligible run (`limit`, the caller's free slots), the runs
 * whose keys would be least occupied go first (the most slots any of its keys would hold with
 * it, counting those picked before it), then due order: keys take turns, so a busy key's backlog
 * never holds back another key's first run, even while every slot of the process is taken.
 * Stores that cannot run this in process (SQL) implement the same rule.
 */
export function selectClaimable(
  due: ClaimCandidate[],
  held: ReadonlyMap<string, number>,
  limit: number,
): string[] {
  const ordered = [...due].sort(
    (a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const queued = new Map<string, number>();
  const eligible: { id: string; order: number; load: number }[] = [];
  ordered.forEach((run, order) => {
    let fits = true;
    let load = 0;
    for (const { key, limit: keyLimit } of run.concurrency) {
      const position = (queued.get(key) ?? 0) + 1;
      queued.set(key, position);
      const wouldHold = (held.get(key) ?? 0) + position;
      load = Math.max(load, wouldHold);
      if (wouldHold > keyLimit) fits = false;
    }
    if (fits) eligible.push({ id: run.id, order, load });
  });
  return eligible
    .sort((a, b) => a.load - b.load || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.order - b.order)
    .map((run) => run.id);
}
