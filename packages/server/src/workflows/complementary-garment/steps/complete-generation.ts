import { describeComplement } from "@garment/styling";
import { ulid } from "../../../ids";
import { entryStatusForNewVariant } from "../../../services/catalog/approve-entry";
import type { GenerationDeps } from "../deps";
import { loadJob, recordStageEvent, toJson } from "../job-state";
import type { EvaluatedAttempt } from "./evaluate-attempt";
import type { PlannedGeneration } from "./plan-generation";
import type { RenderedAttempt } from "./render-attempt";

/**
 * IN_PROGRESS → SUCCESS with its final artifact and a catalog entry, in one transaction. A job
 * cancelled meanwhile stays cancelled (and refunded); nothing is marked twice on a retry.
 */
export async function completeGeneration(
  deps: GenerationDeps,
  jobId: string,
  planned: PlannedGeneration,
  chosen: RenderedAttempt,
  evaluation: EvaluatedAttempt | null,
  renders: number,
): Promise<{ completed: boolean }> {
  const job = await loadJob(deps.db, jobId);
  const { plan } = planned;
  const catalogId = ulid();
  const spec = {
    public_id: catalogId,
    display_name: plan.displayName,
    garment_category_public_id: plan.complement.categoryId,
    color: plan.complement.colorName,
    material: plan.complement.material,
    pattern: plan.complement.pattern,
    fit: plan.complement.fit,
    length: plan.complement.length,
    metadata: (job.spec.metadata ?? {}) as Record<string, unknown>,
  };
  const outcome = await deps.db.$transaction(async (tx) => {
    const now = new Date();
    const marked = await tx.job.updateMany({
      where: { id: jobId, status: "IN_PROGRESS" },
      data: { status: "SUCCESS", finishedAt: now, updatedAt: now },
    });
    if (marked.count === 0) return { completed: false };
    const artifact = await tx.artifact.findUniqueOrThrow({ where: { id: chosen.artifactId } });
    await tx.artifact.update({
      where: { id: chosen.artifactId },
      data: {
        role: "final",
        label: plan.displayName,
        meta: toJson({
          ...(artifact.meta as Record<string, unknown>),
          plan,
          ...(evaluation ? { eval: evaluation } : {}),
        }),
      },
    });
    await tx.catalogEntry.create({
      data: {
        id: catalogId,
        status: await entryStatusForNewVariant(tx, job.variantOf),
        clientId: job.clientId,
        mode: job.mode,
        jobId,
        artifactId: chosen.artifactId,
        garmentCategoryId: plan.complement.categoryId,
        productCategoryId: plan.product.categoryId,
        spec: toJson(spec),
        description: describeComplement(plan),
      },
    });
    await recordStageEvent(tx, jobId, {
      type: "succeeded",
      stage: "done",
      message: `${plan.displayName} is ready.`,
      extra: {
        credits_cost: job.creditsCost,
        renders,
        model: chosen.modelId,
        seed: chosen.seed,
        ...(evaluation ? { eval_score: evaluation.score } : {}),
        catalog_public_id: catalogId,
      },
      artifacts: [chosen.artifactId],
    });
    return { completed: true };
  });
  // Only the call that made the transition counts it (a retried step finds it done).
  if (outcome.completed) {
    deps.metrics?.jobFinished({ status: "SUCCESS", reason: null });
    deps.logger?.info(
      { status: "SUCCESS", renders, model: chosen.modelId, artifactId: chosen.artifactId },
      "job succeeded",
    );
  }
  return outcome;
}
