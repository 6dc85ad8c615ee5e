import type { PrismaClient } from "@garment/db";
import type { JobEventsResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import type { UrlSigner } from "../../storage/url-signer";
import { findOwnedJob } from "./find-owned-job";
import { eventToResponse, servesArtifacts } from "./to-response";

/** Events after `since` (exclusive), ascending; ownership is checked before any event is read. */
export async function listJobEvents(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  jobId: string,
  since: number | undefined,
): Promise<JobEventsResponse> {
  const job = await findOwnedJob(db, caller, jobId);
  const [events, artifacts] = await Promise.all([
    db.jobEvent.findMany({
      where: { jobId, ...(since !== undefined ? { seq: { gt: BigInt(since) } } : {}) },
      orderBy: { seq: "asc" },
      take: 500,
    }),
    servesArtifacts(job.status) ? db.artifact.findMany({ where: { jobId } }) : Promise.resolve([]),
  ]);
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  const last = events.at(-1);
  return {
    public_id: jobId,
    events: events.map((e) => eventToResponse(e, byId, signer)),
    latest_seq: last ? Number(last.seq) : (since ?? null),
  };
}
