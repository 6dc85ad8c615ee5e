import type { ArtifactResponse, JobEventResponse, JobStatus } from "@garment/schemas";
import type { UrlSigner } from "../../storage/url-signer";

export interface ArtifactRow {
  id: string;
  kind: string;
  role: string;
  label: string | null;
  width: number;
  height: number;
  meta: unknown;
}

interface EventRow {
  seq: bigint;
  eventType: string;
  stage: string | null;
  message: string;
  artifacts: unknown;
  extra: unknown;
  createdAt: Date;
}

export function artifactToResponse(artifact: ArtifactRow, signer: UrlSigner): ArtifactResponse {
  return {
    image_url: signer.imageUrl(artifact.id),
    kind: artifact.kind,
    role: artifact.role === "final" ? "final" : "intermediate",
    label: artifact.label,
    meta: {
      width: artifact.width,
      height: artifact.height,
      ...(artifact.meta as Record<string, unknown>),
    },
  };
}

/**
 * Whether a job's images may be handed out: only once it succeeded, i.e. once it is paid for.
 * Before SUCCESS a cancel would refund the job in full, and a FAILURE is always refunded, so an
 * image served then would be an image given away (the download route applies the same rule).
 */
export const servesArtifacts = (status: JobStatus) => status === "SUCCESS";

/**
 * Events name their artifacts by id; the URLs are signed at read time so they stay fresh.
 * `artifactsById` holds only what may be served (empty before SUCCESS): the others drop out.
 */
export function eventToResponse(
  event: EventRow,
  artifactsById: Map<string, ArtifactRow>,
  signer: UrlSigner,
): JobEventResponse {
  const ids = Array.isArray(event.artifacts) ? (event.artifacts as string[]) : [];
  return {
    seq: Number(event.seq),
    event_type: event.eventType as JobEventResponse["event_type"],
    visibility: "public",
    stage: event.stage,
    message: event.message,
    artifacts: ids.flatMap((id) => {
      const artifact = artifactsById.get(id);
      return artifact ? [artifactToResponse(artifact, signer)] : [];
    }),
    extra: (event.extra ?? {}) as Record<string, unknown>,
    created_at: event.createdAt.toISOString(),
  };
}

export const isTerminal = (status: JobStatus) => status === "SUCCESS" || status === "FAILURE";
