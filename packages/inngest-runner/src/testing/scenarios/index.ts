// The shared scenario suite: Inngest behaviour every way of running the app's functions must
// show alike. `describeInngestScenarios(target)` registers it in vitest for one target.
import { describe } from "vitest";
import { failureScenarios } from "./failures";
import { retryScenarios } from "./retries";
import { schedulingScenarios } from "./scheduling";
import { stepScenarios } from "./steps";
import type { ScenarioTarget } from "./target";

export type { ScenarioRunnerOptions, ScenarioTarget } from "./target";

/** Retries, RetryAfterError, NonRetriableError, caught step errors, parallel steps, sleep, the onFailure payload, concurrency keys, cron, and the step ops refused by name. */
export function describeInngestScenarios(target: ScenarioTarget) {
  describe(`Inngest scenarios: ${target.name}`, () => {
    retryScenarios(target);
    failureScenarios(target);
    stepScenarios(target);
    schedulingScenarios(target);
  });
}
