import type { PrismaClient } from "@garment/db";
import type { JobDetailResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import type { UrlSigner } from "../../storage/url-signer";
import { findOwnedJob } from "./find-owned-job";
import { artifactToResponse, eventToResponse, servesArtifacts } from "./to-response";

export async function getJobDetail(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  jobId: string,
): Promise<JobDetailResponse> {
  const job = await findOwnedJob(db, caller, jobId);
  const servable = servesArtifacts(job.status);
  const [artifacts, latest] = await Promise.all([
    servable
      ? db.artifact.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } })
      : Promise.resolve([]),
    db.jobEvent.findFirst({ where: { jobId }, orderBy: { seq: "desc" } }),
  ]);
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  return {
    public_id: job.id,
    job_type: job.jobType,
    status: job.status,
    created_at: job.createdAt.toISOString(),
    request: job.request as Record<string, unknown>,
    result: artifacts.filter((a) => a.role === "final").map((a) => artifactToResponse(a, signer)),
    latest_event: latest ? eventToResponse(latest, byId, signer) : null,
  };
}
