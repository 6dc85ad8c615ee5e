import { readArtifact } from "../../../storage/artifact-storage";
import type { GenerationDeps } from "../deps";
import { isStillActive, recordStageEvent, toJson } from "../job-state";
import type { PlannedGeneration } from "./plan-generation";
import type { RenderedAttempt } from "./render-attempt";

export interface EvaluatedAttempt {
  passed: boolean;
  score: number;
  checks: { name: string; passed: boolean; score: number; detail: string }[];
}

/** Judges one render against the plan and records the scores on the artifact and the timeline. */
export async function evaluateAttempt(
  deps: GenerationDeps,
  jobId: string,
  planned: PlannedGeneration,
  rendered: RenderedAttempt,
): Promise<EvaluatedAttempt | null> {
  if (!(await isStillActive(deps.db, jobId))) return null;
  const stored = await readArtifact(deps.storage, rendered.storageKey);
  if (!stored) throw new Error(`The render ${rendered.storageKey} is missing from storage.`);
  const evaluation = await deps.evaluate(
    {
      garment: planned.plan.complement,
      productColorHex: planned.plan.product.colorHex,
      width: planned.options.width,
      height: planned.options.height,
    },
    stored.bytes,
  );
  deps.metrics?.renderEvaluated({ passed: evaluation.passed });
  deps.logger?.info(
    {
      step: "evaluate",
      attempt: rendered.attempt,
      passed: evaluation.passed,
      score: evaluation.score,
    },
    "render evaluated",
  );
  const summary: EvaluatedAttempt = {
    passed: evaluation.passed,
    score: evaluation.score,
    checks: evaluation.checks.map((c) => ({
      name: c.name,
      passed: c.passed,
      score: c.score,
      detail: c.detail,
    })),
  };
  const artifact = await deps.db.artifact.findUnique({
    where: { id: rendered.artifactId },
    select: { meta: true },
  });
  await deps.db.artifact.update({
    where: { id: rendered.artifactId },
    data: { meta: toJson({ ...(artifact?.meta as Record<string, unknown>), eval: summary }) },
  });
  await recordStageEvent(deps.db, jobId, {
    stage: "eval",
    message: `Evaluation of attempt ${rendered.attempt + 1} ${evaluation.passed ? "passed" : "failed"} (score ${evaluation.score.toFixed(2)}).`,
    extra: { attempt: rendered.attempt, ...summary },
    artifacts: [rendered.artifactId],
  });
  return summary;
}
