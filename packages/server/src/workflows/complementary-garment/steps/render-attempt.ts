import { isImageModelError } from "@garment/imaging";
import { ulid } from "../../../ids";
import type { GenerationDeps } from "../deps";
import { isStillActive, recordStageEvent } from "../job-state";
import { PermanentFailure } from "../permanent-failure";
import type { PlannedGeneration } from "./plan-generation";

export interface RenderedAttempt {
  attempt: number;
  artifactId: string;
  storageKey: string;
  seed: number;
  modelId: string;
  width: number;
  height: number;
}

/** Each re-render moves to the next seed, so a failed evaluation gets a different image. */
export function attemptSeed(baseSeed: number, attempt: number): number {
  return (baseSeed + attempt) % 4_294_967_296;
}

/**
 * Renders one attempt and stores the image in the same step: the bytes are too large to pass
 * between steps through the run's memoized state. Storage key and artifact row are keyed by
 * the attempt and model, so a retried step overwrites rather than duplicates.
 */
export async function renderAttempt(
  deps: GenerationDeps,
  jobId: string,
  planned: PlannedGeneration,
  attempt: number,
  modelId: string,
): Promise<RenderedAttempt | null> {
  if (!(await isStillActive(deps.db, jobId))) return null;
  const model = deps.imageModel(modelId);
  if (!model)
    throw new PermanentFailure(
      `The image model '${modelId}' is not available.`,
      "model_unavailable",
    );
  const { width, height } = planned.options;
  const seed = attemptSeed(planned.options.seed, attempt);
  // The render's own time, not the wait for a slot.
  let renderTime = 0;
  const observeRender = (outcome: "succeeded" | "failed", error?: unknown) => {
    const seconds = renderTime / 1000;
    const { resolution } = planned.options;
    deps.metrics?.renderFinished({ model: modelId, resolution, outcome, seconds });
    deps.logger?.[outcome === "succeeded" ? "info" : "warn"](
      {
        step: "render",
        attempt,
        model: modelId,
        resolution,
        outcome,
        durationMs: Math.round(renderTime),
        ...(error instanceof Error ? { error: error.message } : {}),
      },
      "render finished",
    );
  };
  const render = async () => {
    const startedAt = performance.now();
    try {
      return await model.render({
        garment: planned.plan.complement,
        prompt: planned.prompt,
        seed,
        width,
        height,
      });
    } finally {
      renderTime = performance.now() - startedAt;
    }
  };
  let result;
  try {
    // The slot is held for the render alone: storing it and the bookkeeping need none.
    result = deps.renderSlots ? await deps.renderSlots.run(model.kind, render) : await render();
    observeRender("succeeded");
  } catch (error) {
    observeRender("failed", error);
    if (isImageModelError(error) && !error.retriable) {
      throw new PermanentFailure(
        `The image model refused the request: ${error.message}`,
        `model_${error.code}`,
        { cause: error },
      );
    }
    throw error;
  }
  const renderMs = Math.round(renderTime);
  const storageKey = `jobs/${jobId}/render-${attempt}-${modelId}.png`;
  await deps.storage.put(storageKey, result.bytes, result.contentType);
  const artifactId = ulid();
  await deps.db.$transaction([
    deps.db.artifact.deleteMany({ where: { jobId, storageKey } }),
    deps.db.artifact.create({
      data: {
        id: artifactId,
        jobId,
        kind: "catalog_image",
        role: "intermediate",
        label: `Render ${attempt + 1}`,
        storageKey,
        contentType: result.contentType,
        width: result.width,
        height: result.height,
        meta: { seed, model: modelId, attempt, render_ms: renderMs, ...result.meta },
      },
    }),
  ]);
  await recordStageEvent(deps.db, jobId, {
    stage: "render",
    message: `Rendered attempt ${attempt + 1} with ${model.displayName}.`,
    extra: {
      attempt,
      seed,
      model: modelId,
      width: result.width,
      height: result.height,
      render_ms: renderMs,
    },
    artifacts: [artifactId],
  });
  return {
    attempt,
    artifactId,
    storageKey,
    seed,
    modelId,
    width: result.width,
    height: result.height,
  };
}
