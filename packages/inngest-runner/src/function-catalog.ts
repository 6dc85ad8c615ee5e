// What the runner needs to know about each served function, read from the SDK's own function
// options, plus the check that refuses functions using Inngest features the runner lacks.
import type { Inngest, InngestFunction } from "inngest";
import { compileConcurrency, type ConcurrencySlot } from "./concurrency";
import { type CronSchedule, parseCron } from "./cron";
import { compileEventFilter, parseFieldPath, readPath } from "./event-expressions";
import { DEFAULT_RETRIES, FAILURE_HANDLER_RETRIES } from "./defaults";
import type { InngestEvent } from "./protocol";

/** Inngest's event for a function that failed for good; it triggers `<fn>-failure`. */
export const FUNCTION_FAILED_EVENT = "inngest/function.failed";

export interface CatalogFunction {
  /** Composite id the serve handler knows it by: `<app id>-<function id>`. */
  id: string;
  kind: "main" | "failure";
  /** retries + 1, sent as `ctx.max_attempts`. */
  maxAttempts: number;
  /** The `<id>-failure` function to run when this one fails, if it has `onFailure`. */
  failureFunctionId: string | undefined;
  matches(event: InngestEvent): boolean;
  /** Runs are unique per (function, dedupe key): the event id, or the `idempotency` key. */
  dedupeKey(event: InngestEvent): string;
  /** Its cron triggers. */
  cronSchedules: CronSchedule[];
  /** The concurrency slots a run for this event needs (the function's `concurrency` option). */
  concurrencyFor(event: InngestEvent): ConcurrencySlot[];
}

export class UnsupportedFunctionError extends Error {
  constructor(functionId: string, feature: string, hint?: string) {
    super(
      `The embedded Inngest runner cannot run function "${functionId}": it uses ${feature}, which the embedded runner does not implement.` +
        (hint ? ` ${hint}` : "") +
        " Remove the option, or run with an Inngest server (INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY or INNGEST_DEV=1 with INNGEST_BASE_URL).",
    );
    this.name = "UnsupportedFunctionError";
  }
}

// Options whose behaviour lives in Inngest's server, which the runner would silently ignore.
const UNSUPPORTED_OPTIONS = [
  "batchEvents",
  "cancelOn",
  "debounce",
  "priority",
  "rateLimit",
  "singleton",
  "throttle",
  "timeouts",
] as const;

export class FunctionCatalog {
  private readonly byId = new Map<string, CatalogFunction>();

  constructor(client: Inngest.Any, functions: InngestFunction.Any[]) {
    for (const fn of functions) {
      for (const entry of describeFunction(client, fn)) {
        if (this.byId.has(entry.id))
          throw new Error(`Duplicate Inngest function id "${entry.id}".`);
        this.byId.set(entry.id, entry);
      }
    }
  }

  get(functionId: string): CatalogFunction | undefined {
    return this.byId.get(functionId);
  }

  all(): CatalogFunction[] {
    return [...this.byId.values()];
  }

  triggeredBy(event: InngestEvent): CatalogFunction[] {
    return [...this.byId.values()].filter((fn) => fn.matches(event));
  }
}

function describeFunction(client: Inngest.Any, fn: InngestFunction.Any): CatalogFunction[] {
  const id = fn.id(client.id);
  const opts = fn.opts;
  for (const option of UNSUPPORTED_OPTIONS) {
    if (opts[option] !== undefined)
      throw new UnsupportedFunctionError(id, `the \`${option}\` option`);
  }
  if (checkpointingOf(client, fn) !== false) {
    throw new UnsupportedFunctionError(
      id,
      "checkpointing (the SDK's default)",
      "The runner sends `ctx.fn_id` as Inngest does, so a checkpointing SDK would report steps to Inngest's API mid-call instead of answering with ops: set `checkpointing: false` on the client (createEmbeddedInngest does) or the function.",
    );
  }

  // `InngestFunction.Any` erases the trigger types; these are the shapes createFunction accepts.
  const declared = (opts.triggers ?? []) as InngestFunction.Trigger<string>[];
  const cronSchedules: CronSchedule[] = [];
  const triggers: { name: string; filter: (event: unknown) => boolean }[] = [];
  for (const trigger of declared) {
    if (trigger.cron !== undefined) {
      if ((trigger as { jitter?: unknown }).jitter !== undefined) {
        throw new UnsupportedFunctionError(
          id,
          `a cron trigger with \`jitter\` ("${trigger.cron}")`,
        );
      }
      const parsed = parseCron(trigger.cron);
      if (!parsed.ok) {
        throw new UnsupportedFunctionError(
          id,
          `the cron trigger "${trigger.cron}"`,
          `(${parsed.reason}.)`,
        );
      }
      cronSchedules.push(parsed.schedule);
      continue;
    }
    const name = typeof trigger.event === "string" ? trigger.event : trigger.event?.name;
    if (!name) throw new UnsupportedFunctionError(id, "a trigger without an event name");
    const filter = trigger.if === undefined ? () => true : compileEventFilter(trigger.if);
    if (!filter) {
      throw new UnsupportedFunctionError(
        id,
        `the trigger expression \`${trigger.if}\``,
        "Supported: `event.<path> == <literal>` / `!=`, joined with `&&`.",
      );
    }
    triggers.push({ name, filter });
  }

  let dedupeKey = (event: InngestEvent) => event.id;
  if (opts.idempotency !== undefined) {
    const path = parseFieldPath(opts.idempotency);
    if (!path) {
      throw new UnsupportedFunctionError(
        id,
        `the idempotency expression \`${opts.idempotency}\``,
        "Supported: a plain field path such as `event.data.requestId`.",
      );
    }
    dedupeKey = (event) => {
      const key = readPath(event, path);
      return key === undefined || key === null ? event.id : `idempotency:${JSON.stringify(key)}`;
    };
  }

  const concurrency = compileConcurrency(id, opts.concurrency);
  if (!concurrency.ok)
    throw new UnsupportedFunctionError(id, concurrency.feature, concurrency.hint);

  const failureFunctionId = opts.onFailure ? `${id}-failure` : undefined;
  const main: CatalogFunction = {
    id,
    kind: "main",
    maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
    failureFunctionId,
    matches: (event) => triggers.some(({ name, filter }) => name === event.name && filter(event)),
    dedupeKey,
    cronSchedules,
    concurrencyFor: concurrency.slotsFor,
  };
  if (!failureFunctionId) return [main];
  const failure: CatalogFunction = {
    id: failureFunctionId,
    kind: "failure",
    maxAttempts: FAILURE_HANDLER_RETRIES + 1,
    failureFunctionId: undefined,
    matches: (event) => event.name === FUNCTION_FAILED_EVENT && event.data.function_id === id,
    dedupeKey: (event) => event.id,
    cronSchedules: [],
    concurrencyFor: () => [],
  };
  return [main, failure];
}

/**
 * The checkpointing setting the SDK would apply, read the way it reads it
 * (InngestFunction.shouldAsyncCheckpoint): the function's, else the client's, else on.
 */
function checkpointingOf(client: Inngest.Any, fn: InngestFunction.Any): unknown {
  // The client's options are not public; the SDK reads the same field.
  const clientOptions = (client as unknown as { options: Record<string, unknown> }).options;
  const fnOptions = fn.opts as unknown as Record<string, unknown>;
  return (
    fnOptions.checkpointing ??
    clientOptions.checkpointing ??
    fnOptions.experimentalCheckpointing ??
    clientOptions.experimentalCheckpointing ??
    true
  );
}
