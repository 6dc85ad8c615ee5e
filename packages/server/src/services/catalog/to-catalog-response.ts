import {
  CatalogEntryStatus,
  type CatalogEntryResponse,
  type ComplementaryGarmentSpec,
} from "@garment/schemas";
import type { UrlSigner } from "../../storage/url-signer";

export interface CatalogEntryRow {
  id: string;
  jobId: string;
  artifactId: string;
  status: string;
  spec: unknown;
  description: string;
  createdAt: Date;
}

/** A catalog row as the API shows it; the image URL is signed at read time so it stays fresh. */
export function catalogEntryToResponse(
  entry: CatalogEntryRow,
  signer: UrlSigner,
): CatalogEntryResponse {
  return {
    public_id: entry.id,
    image_url: signer.imageUrl(entry.artifactId),
    // Written only by this package (the complete step, approve); anything else reads as active.
    status: CatalogEntryStatus.catch("active").parse(entry.status),
    // Written by the workflow's complete step in exactly this shape.
    spec: entry.spec as ComplementaryGarmentSpec,
    description: entry.description,
    generation_job_public_id: entry.jobId,
    created_at: entry.createdAt.toISOString(),
  };
}
