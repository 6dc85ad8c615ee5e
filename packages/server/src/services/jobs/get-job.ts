import type { PrismaClient } from "@garment/db";
import type { JobDetailResponse, JobStatus } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { jobNotFound } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import { artifactToResponse, eventToResponse, type ArtifactRow } from "./to-response";

interface EventJson {
  seq: string;
  eventType: string;
  stage: string | null;
  message: string;
  artifacts: unknown;
  extra: unknown;
  createdAt: string;
}

interface JobDetailRow {
  id: string;
  job_type: string;
  status: JobStatus;
  created_at: Date;
  request: unknown;
  artifacts: ArtifactRow[] | null;
  latest: EventJson | null;
}

/**
 * One job of the caller's client in the caller's mode (anything else is JOB_NOT_FOUND: no
 * leaks), with its final images and its latest event, read in ONE statement: `GET /v1/jobs/{id}`
 * is what polling clients call most. Images are read only once the job succeeded, i.e. once it
 * is paid for (see `servesArtifacts`; the download route applies the same rule).
 */
export async function getJobDetail(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  jobId: string,
): Promise<JobDetailResponse> {
  const [job] = await db.$queryRaw<JobDetailRow[]>`
    SELECT j.id, j.job_type, j.status, j.created_at, j.request,
           CASE WHEN j.status = 'SUCCESS'::"JobStatus" THEN (
             SELECT json_agg(json_build_object(
                      'id', a.id, 'kind', a.kind, 'role', a.role, 'label', a.label,
                      'width', a.width, 'height', a.height, 'meta', a.meta)
                    ORDER BY a.created_at, a.id)
               FROM artifacts a WHERE a.job_id = j.id)
           END AS artifacts,
           (SELECT json_build_object(
                     'seq', e.seq::text, 'eventType', e.event_type, 'stage', e.stage,
                     'message', e.message, 'artifacts', e.artifacts, 'extra', e.extra,
                     'createdAt', e.created_at)
              FROM job_events e WHERE e.job_id = j.id
             ORDER BY e.seq DESC LIMIT 1) AS latest
      FROM jobs j
     WHERE j.id = ${jobId} AND j.client_id = ${caller.clientId}
       AND j.mode = ${caller.mode}::"DataMode"`;
  if (!job) throw jobNotFound();
  const artifacts = job.artifacts ?? [];
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  const latest = job.latest;
  return {
    public_id: job.id,
    job_type: job.job_type,
    status: job.status,
    created_at: job.created_at.toISOString(),
    request: job.request as Record<string, unknown>,
    result: artifacts.filter((a) => a.role === "final").map((a) => artifactToResponse(a, signer)),
    latest_event: latest
      ? eventToResponse(
          { ...latest, seq: BigInt(latest.seq), createdAt: new Date(latest.createdAt) },
          byId,
          signer,
        )
      : null,
  };
}
