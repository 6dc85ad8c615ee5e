// What a scenario needs from the thing under test: a client to define functions on, and a
// runner (not yet started) driving those functions, in-process or through an app's endpoint.
import type { Inngest, InngestFunction } from "inngest";
import { afterEach } from "vitest";
import type { EmbeddedRunner, EmbeddedRunnerOptions } from "../../runner";
import type { InMemoryRunStore } from "../../stores/in-memory-run-store";

/** What a scenario may tune; everything else is the target's. */
export type ScenarioRunnerOptions = Pick<
  EmbeddedRunnerOptions,
  "backoff" | "clock" | "concurrency"
> & { store: InMemoryRunStore };

export interface ScenarioTarget {
  /** Names the suite: "embedded runner", "the app's /api/inngest (signed)". */
  name: string;
  /** The client the scenarios define their functions on (the target's own: embedded, or the app's). */
  client: Inngest.Any;
  /** A runner for these functions, with fast polling and millisecond backoff unless told otherwise. */
  createRunner(functions: InngestFunction.Any[], options: ScenarioRunnerOptions): EmbeddedRunner;
}

/** Starts runners for one test and stops them after it. */
export function runnersFor(target: ScenarioTarget) {
  const started: EmbeddedRunner[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((runner) => runner.stop()));
  });
  return async (
    functions: InngestFunction.Any[],
    options: ScenarioRunnerOptions,
  ): Promise<EmbeddedRunner> => {
    const runner = target.createRunner(functions, options);
    started.push(runner);
    await runner.start();
    return runner;
  };
}
