import type { Inngest } from "inngest";
import { NonRetriableError } from "inngest";
import { z } from "zod";
import { failJobAndRefund } from "../../services/credits/fail-and-refund";
import { COMPLEMENTARY_GARMENT_OPERATION } from "../../services/dispatch/operation";
import { DEFAULT_CLIENT_CONCURRENCY, DEFAULT_MAX_RENDERS, type GenerationDeps } from "./deps";
import { traceSteps } from "../traced-steps";
import { PermanentFailure } from "./permanent-failure";
import { completeGeneration } from "./steps/complete-generation";
import { evaluateAttempt, type EvaluatedAttempt } from "./steps/evaluate-attempt";
import { planGeneration, type PlannedGeneration } from "./steps/plan-generation";
import { renderAttempt, type RenderedAttempt } from "./steps/render-attempt";
import { startGeneration } from "./steps/start-generation";

export const GENERATION_FUNCTION_ID = "complementary-garment-generator";

const DispatchEvent = z.object({
  jobId: z.string(),
  requestId: z.string(),
  trace: z.record(z.string(), z.string()).optional(),
});

/** The span attributes every step of a job carries. */
const jobAttributes = (jobId: string, requestId: string) => ({
  "garment.job_id": jobId,
  "garment.request_id": requestId,
});

/** The steps' dependencies with a logger that names the job and its request on every line. */
function forJob(deps: GenerationDeps, jobId: string, requestId: string): GenerationDeps {
  return deps.logger ? { ...deps, logger: deps.logger.child({ jobId, requestId }) } : deps;
}

/** The event field a client's generations are keyed by (DispatchEventData.clientId). */
export const CLIENT_CONCURRENCY_KEY = "event.data.clientId";

/** Runs a step body, turning failures no retry can fix into Inngest's NonRetriableError. */
async function permanentAware<T>(body: () => Promise<T>, noRetry = false): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof PermanentFailure)
      throw new NonRetriableError(error.message, { cause: error });
    // on_technical_failure "fail": the first technical failure ends the job.
    if (noRetry) throw new NonRetriableError((error as Error).message, { cause: error });
    throw error;
  }
}

/**
 * The generation workflow. Each step is idempotent and memoized by the engine (Inngest, or the
 * embedded runner speaking its protocol), so a retry never repeats finished work. Every way a
 * job can end badly — a technical failure past its policy, an evaluation that never passes, a
 * cancel — ends in the same fail-and-refund statement, which refunds exactly once.
 */
export function createGenerationFunction(inngest: Inngest.Any, deps: GenerationDeps) {
  const maxRenders = deps.maxRenders ?? DEFAULT_MAX_RENDERS;
  // Webhooks hear about the terminal state in a step of its own, after it is committed; the
  // announcement never throws, so it cannot fail or retry the job.
  const announceFinished = async (jobId: string) => {
    await deps.announceFinished?.(jobId);
    return { announced: true };
  };
  return inngest.createFunction(
    {
      id: GENERATION_FUNCTION_ID,
      name: "Complementary garment generator",
      triggers: [{ event: COMPLEMENTARY_GARMENT_OPERATION.eventName }],
      retries: 3,
      // Fairness: a client's backlog waits in its own queue, so another client's job starts as
      // soon as a slot is free. Enforced by Inngest, or by the embedded runner's claim.
      concurrency: [
        {
          key: CLIENT_CONCURRENCY_KEY,
          limit: deps.clientConcurrency ?? DEFAULT_CLIENT_CONCURRENCY,
        },
      ],
      onFailure: async ({ event, error, step: engineStep }) => {
        const { jobId, requestId, trace } = DispatchEvent.parse(
          (event.data as { event: { data: unknown } }).event.data,
        );
        const step = traceSteps(engineStep, trace, jobAttributes(jobId, requestId));
        const job = forJob(deps, jobId, requestId);
        await step.run("fail-and-refund", () =>
          failJobAndRefund(
            deps.db,
            {
              jobId,
              reason: "technical_failure",
              message: `Generation failed: ${error.message}. The credits were refunded.`,
              extra: { error: error.message },
            },
            job,
          ),
        );
        await step.run("announce-finished", () => announceFinished(jobId));
      },
    },
    async ({ event, step: engineStep }) => {
      const { jobId, requestId, trace } = DispatchEvent.parse(event.data);
      const step = traceSteps(engineStep, trace, jobAttributes(jobId, requestId));
      const job = forJob(deps, jobId, requestId);
      const started = await step.run("start", () => startGeneration(job, jobId));
      if (!started.active) return { outcome: "cancelled" };

      const planned: PlannedGeneration | null = await step.run("plan", () =>
        permanentAware(() => planGeneration(job, jobId)),
      );
      if (!planned) return { outcome: "cancelled" };

      let chosen: { rendered: RenderedAttempt; evaluation: EvaluatedAttempt | null } | null = null;
      const evaluations: EvaluatedAttempt[] = [];
      const renders = planned.options.evalEnabled ? maxRenders : 1;
      for (let attempt = 0; attempt < renders && !chosen; attempt += 1) {
        const rendered = await renderWithPolicy(planned, attempt);
        if (!rendered) return { outcome: "cancelled" };
        if (!planned.options.evalEnabled) {
          chosen = { rendered, evaluation: null };
          break;
        }
        const evaluation: EvaluatedAttempt | null = await step.run(`evaluate-${attempt}`, () =>
          evaluateAttempt(job, jobId, planned, rendered),
        );
        if (!evaluation) return { outcome: "cancelled" };
        evaluations.push(evaluation);
        if (evaluation.passed) chosen = { rendered, evaluation };
      }

      if (!chosen) {
        await step.run("fail-evaluation", () =>
          failJobAndRefund(
            deps.db,
            {
              jobId,
              reason: "evaluation_failed",
              stage: "eval",
              message: `No render passed the evaluation in ${renders} attempts; the credits were refunded.`,
              extra: { scores: evaluations.map((e) => e.score) },
            },
            job,
          ),
        );
        await step.run("announce-finished", () => announceFinished(jobId));
        return { outcome: "evaluation_failed" };
      }
      const { rendered, evaluation } = chosen;
      const done = await step.run("complete", () =>
        completeGeneration(job, jobId, planned, rendered, evaluation, evaluations.length || 1),
      );
      if (!done.completed) return { outcome: "cancelled" };
      await step.run("announce-finished", () => announceFinished(jobId));
      return { outcome: "succeeded" };

      async function renderWithPolicy(
        plannedJob: PlannedGeneration,
        attempt: number,
      ): Promise<RenderedAttempt | null> {
        const model = plannedJob.options.imageModel;
        const noRetry = plannedJob.options.onTechnicalFailure === "fail";
        try {
          return await step.run(`render-${attempt}`, () =>
            permanentAware(() => renderAttempt(job, jobId, plannedJob, attempt, model), noRetry),
          );
        } catch (error) {
          // "fallback": once the chosen model has used up its retries, render with the fallback.
          if (
            plannedJob.options.onTechnicalFailure !== "fallback" ||
            model === deps.fallbackModelId
          )
            throw error;
          return await step.run(`render-${attempt}-fallback`, () =>
            permanentAware(() =>
              renderAttempt(job, jobId, plannedJob, attempt, deps.fallbackModelId),
            ),
          );
        }
      }
    },
  );
}
