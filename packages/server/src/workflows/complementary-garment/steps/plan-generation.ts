import {
  buildImagePrompt,
  planComplement,
  type BrandStyleGuide,
  type ComplementPlan,
} from "@garment/styling";
import type { GenerationDeps } from "../deps";
import type { ResolvedJobOptions } from "@garment/schemas";
import { isStillActive, loadJob, recordStageEvent } from "../job-state";
import { PermanentFailure } from "../permanent-failure";

export interface PlannedGeneration {
  plan: ComplementPlan;
  prompt: string;
  options: ResolvedJobOptions;
}

/** Designs the complement with the styling engine and records the rationale as soon as it exists. */
export async function planGeneration(
  deps: GenerationDeps,
  jobId: string,
): Promise<PlannedGeneration | null> {
  if (!(await isStillActive(deps.db, jobId))) return null;
  const job = await loadJob(deps.db, jobId);
  const { options, spec } = job;
  const brand = options.pilotBrand
    ? ((await deps.db.pilotBrand.findUnique({ where: { id: options.pilotBrand.publicId } }))
        ?.styleGuide as BrandStyleGuide | undefined)
    : undefined;
  let plan: ComplementPlan;
  try {
    plan = planComplement(
      {
        categoryId: String(spec.garment_category_public_id),
        color: String(spec.color),
        material: String(spec.material),
        pattern: String(spec.pattern),
        fit: (spec.fit as ComplementPlan["product"]["fit"] | null | undefined) ?? null,
        length: (spec.length as string | null | undefined) ?? null,
      },
      {
        seed: options.seed,
        brand: brand ?? null,
        // metadata.season (spring, summer, autumn/fall, winter) hints the season to style for.
        metadata: (spec.metadata as Record<string, unknown> | null | undefined) ?? null,
      },
    );
  } catch (error) {
    throw new PermanentFailure(
      `The styling engine could not plan this garment: ${(error as Error).message}`,
      "plan_failed",
      { cause: error },
    );
  }
  await recordStageEvent(deps.db, jobId, {
    stage: "plan",
    message: `Planned ${plan.displayName}.`,
    extra: {
      display_name: plan.displayName,
      harmony: plan.harmony,
      score: plan.score,
      scores: plan.scores,
      formality: plan.formality,
      season: plan.season,
      rationale: plan.rationale,
      complement: plan.complement,
      visible_colors: plan.visibleColors,
      seed: options.seed,
    },
  });
  deps.logger?.info(
    { step: "plan", category: plan.complement.categoryId, model: options.imageModel },
    "complement planned",
  );
  return { plan, prompt: buildImagePrompt(plan), options };
}
