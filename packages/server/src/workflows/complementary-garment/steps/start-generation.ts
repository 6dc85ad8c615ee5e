import type { GenerationDeps } from "../deps";
import { isStillActive, recordStageEvent } from "../job-state";

/** NOT_STARTED → IN_PROGRESS. Safe to repeat; reports whether the job is still worth running. */
export async function startGeneration(
  deps: GenerationDeps,
  jobId: string,
): Promise<{ active: boolean }> {
  const now = new Date();
  const started = await deps.db.job.updateMany({
    where: { id: jobId, status: "NOT_STARTED" },
    data: { status: "IN_PROGRESS", startedAt: now, updatedAt: now },
  });
  if (started.count === 1) {
    await recordStageEvent(deps.db, jobId, { stage: "started", message: "Generation started." });
    deps.logger?.info({ status: "IN_PROGRESS" }, "job started");
  }
  return { active: await isStillActive(deps.db, jobId) };
}
