import type { PrismaClient } from "@garment/db";
import type { Inngest } from "inngest";
import type { RetentionSettings } from "../../config/api-settings";
import {
  pruneFinishedRuns,
  pruneIdempotencyKeys,
  pruneOrphanArtifacts,
  pruneRequestLogs,
} from "../../services/retention/prune";
import type { ArtifactStorage } from "../../storage/artifact-storage";

export const RETENTION_FUNCTION_ID = "retention";

export interface RetentionDeps {
  db: PrismaClient;
  storage: ArtifactStorage;
  settings: RetentionSettings;
  now?: () => Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Prunes what grows with traffic, on a cron (Inngest's, or the embedded runner's): request logs,
 * idempotency keys past their replay window, finished workflow runs and the artifacts of
 * refunded jobs, each after its configured period (0 keeps that kind forever). One step per
 * kind, so a failure retries only what is left; each step deletes in short batches.
 */
export function createRetentionFunction(inngest: Inngest.Any, deps: RetentionDeps) {
  const { settings } = deps;
  const cutoff = (periodMs: number) => new Date((deps.now?.() ?? new Date()).getTime() - periodMs);
  return inngest.createFunction(
    {
      id: RETENTION_FUNCTION_ID,
      name: "Retention",
      triggers: [{ cron: settings.schedule }],
      // One pruning at a time, whatever the number of instances.
      concurrency: { limit: 1 },
      retries: 2,
    },
    async ({ step }) => {
      const removed: Record<string, number> = {};
      if (settings.requestLogsDays > 0)
        removed.requestLogs = await step.run("prune-request-logs", () =>
          pruneRequestLogs(deps.db, cutoff(settings.requestLogsDays * DAY_MS)),
        );
      if (settings.idempotencyKeysHours > 0)
        removed.idempotencyKeys = await step.run("prune-idempotency-keys", () =>
          pruneIdempotencyKeys(
            deps.db,
            cutoff(settings.idempotencyKeysHours * HOUR_MS),
            deps.now?.() ?? new Date(),
          ),
        );
      if (settings.workflowRunsDays > 0)
        removed.workflowRuns = await step.run("prune-finished-runs", () =>
          pruneFinishedRuns(deps.db, cutoff(settings.workflowRunsDays * DAY_MS)),
        );
      if (settings.orphanArtifactsHours > 0)
        removed.artifacts = await step.run("prune-orphan-artifacts", () =>
          pruneOrphanArtifacts(
            deps.db,
            deps.storage,
            cutoff(settings.orphanArtifactsHours * HOUR_MS),
          ),
        );
      return removed;
    },
  );
}
