import type { PrismaClient } from "@garment/db";
import { servesArtifacts } from "./to-response";

/**
 * The artifact behind an image URL, with its owner, when it may be served: its job succeeded.
 * A refunded job's renders (cancelled after the render, or never passing the evaluation) and
 * a running job's renders are null, as an unknown id is, even for a URL signed earlier.
 */
export async function findServableArtifact(db: PrismaClient, artifactId: string) {
  const artifact = await db.artifact.findUnique({
    where: { id: artifactId },
    select: {
      storageKey: true,
      job: { select: { clientId: true, mode: true, status: true } },
    },
  });
  return artifact && servesArtifacts(artifact.job.status) ? artifact : null;
}
