// Builders shared by the embedded runner's tests: a quiet dev-mode client and a runner tuned
// for tests (fast polling, millisecond backoff).
import type { Inngest, InngestFunction } from "inngest";
import { createEmbeddedInngest } from "../embedded-events";
import { scaledBackoff } from "../backoff";
import { EmbeddedRunner, type EmbeddedRunnerOptions, type RunnerLogger } from "../runner";
import { InMemoryRunStore } from "../stores/in-memory-run-store";
import type { RunStore } from "../stores/run-store";
import type { ScenarioTarget } from "./scenarios";

const noop = () => {};

export const silentRunnerLogger: RunnerLogger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
};

/** A dev-mode client whose SDK logs (expected step errors in tests) stay quiet. */
export function createTestClient(id = "runner-test") {
  return createEmbeddedInngest({
    id,
    logger: { info: noop, warn: noop, error: noop, debug: noop },
  });
}

/** Without a `store`, the runner gets a fresh InMemoryRunStore (returned for assertions). */
export function createTestRunner<S extends RunStore = InMemoryRunStore>(
  functions: InngestFunction.Any[],
  options: Omit<Partial<EmbeddedRunnerOptions>, "store"> & { client: Inngest.Any; store?: S },
): { runner: EmbeddedRunner; store: S } {
  // S defaults to InMemoryRunStore exactly when no store is passed.
  const store = options.store ?? (new InMemoryRunStore() as RunStore as S);
  const runner = new EmbeddedRunner({
    pollIntervalMs: 10,
    // Inngest's backoff table, a thousand times as fast: 15 ms, 30 ms, 60 ms…, jitter 0–30 ms.
    backoff: scaledBackoff(1 / 1_000),
    logger: silentRunnerLogger,
    ...options,
    functions,
    store,
  });
  return { runner, store };
}

/** Resolves when `condition` holds, polling; fails the test after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The shared scenarios against the embedded runner: in-process, unsigned, dev mode. */
export function embeddedScenarioTarget(id = "scenarios"): ScenarioTarget {
  const client = createTestClient(id);
  return {
    name: "embedded runner",
    client,
    createRunner: (functions, options) =>
      createTestRunner(functions, { client, ...options }).runner,
  };
}
