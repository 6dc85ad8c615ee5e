// Cron triggers (`triggers: [{ cron: "TZ=Europe/Paris 0 3 * * *" }]`), as Inngest schedules them
// (inngest/inngest pkg/execution/cron/*.go, executor/service.go handleCron):
// - five fields (minute hour day-of-month month day-of-week) or a descriptor (@hourly, @daily,
//   @midnight, @weekly, @monthly, @yearly, @annually), with an optional `TZ=` / `CRON_TZ=` prefix
//   (robfig/cron's parser, as Inngest configures it);
// - each tick is one event `inngest/scheduled.timer` whose id is the tick in RFC 3339 (UTC, whole
//   seconds) and whose data is `{ cron, scheduledAt, fireAt }`; the function's run is idempotent
//   on that id, so one tick starts one run per function however many schedulers see it;
// - the next tick is scheduled from the previous tick, not from "now": after downtime every
//   missed tick still runs, once, late and in order (Inngest's queue keeps the chain), and a
//   schedule seen for the first time starts with the next tick after now.
import { Cron } from "croner";
import type { InngestEvent } from "./protocol";

/** The event Inngest sends for a cron tick. */
export const CRON_EVENT = "inngest/scheduled.timer";

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

export interface CronSchedule {
  /** The trigger's expression as written (the schedule's name in the store and in events). */
  expression: string;
  /** The first tick strictly after `after`, or undefined when there is none. */
  nextAfter(after: Date): Date | undefined;
}

export type ParsedCron = { ok: true; schedule: CronSchedule } | { ok: false; reason: string };

export function parseCron(expression: string): ParsedCron {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression.trim());
  const timezone = match?.[1];
  const spec = (match?.[2] ?? expression).trim();
  if (spec.startsWith("@every")) {
    return { ok: false, reason: "`@every` intervals are not implemented" };
  }
  const pattern = DESCRIPTORS[spec] ?? spec;
  if (pattern.startsWith("@")) return { ok: false, reason: `unknown descriptor "${spec}"` };
  if (pattern.split(/\s+/).length !== 5) {
    return { ok: false, reason: "Inngest's cron expressions have exactly five fields" };
  }
  let cron: Cron;
  try {
    // paused: only computes times, never runs anything. domAndDow false: a day matches when
    // either day field does (classic cron, as robfig/cron).
    cron = new Cron(pattern, { paused: true, domAndDow: false, ...(timezone ? { timezone } : {}) });
    cron.nextRun(new Date());
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return {
    ok: true,
    schedule: {
      expression,
      nextAfter: (after) => cron.nextRun(after) ?? undefined,
    },
  };
}

/** A tick's event id: RFC 3339 in UTC, whole seconds (`2026-12-03T03:00:00Z`). */
export function cronEventId(tick: Date): string {
  return `${tick.toISOString().slice(0, 19)}Z`;
}

export function cronEvent(expression: string, tick: Date): InngestEvent {
  const at = cronEventId(tick);
  return {
    id: at,
    name: CRON_EVENT,
    data: { cron: expression, scheduledAt: at, fireAt: at },
    ts: tick.getTime(),
  };
}

/** Ticks at most this many are created in one pass; a longer backlog takes several passes. */
export const CRON_CATCH_UP_BATCH = 100;

/**
 * The ticks to create now, given where the schedule's cursor is (the last tick whose run exists):
 * none while it is still ahead; otherwise every tick after it up to the first one after `now`
 * (missed ticks first, then the next one, queued for its time).
 */
export function ticksToSchedule(schedule: CronSchedule, cursor: Date | null, now: Date): Date[] {
  if (cursor === null) {
    const first = schedule.nextAfter(now);
    return first ? [first] : [];
  }
  if (cursor > now) return [];
  const ticks: Date[] = [];
  let tick: Date | undefined = cursor;
  while (ticks.length < CRON_CATCH_UP_BATCH) {
    tick = schedule.nextAfter(tick);
    if (!tick) break;
    ticks.push(tick);
    if (tick > now) break;
  }
  return ticks;
}
