import type { PrismaClient } from "@garment/db";
import type { JobListQuery, JobListResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { keysetOrder, keysetPage, keysetWhere, keysetWindow } from "../keyset-page";

/**
 * The caller's jobs, newest first (client and mode come from the key, never the query). No
 * total: counting a client's jobs costs as much as reading them all; `next_cursor` says more.
 */
export async function listJobs(
  db: PrismaClient,
  caller: Caller,
  query: JobListQuery,
): Promise<JobListResponse> {
  const where = {
    clientId: caller.clientId,
    mode: caller.mode,
    ...(query.job_type?.length ? { jobType: { in: query.job_type } } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.created_after ? { createdAt: { gt: new Date(query.created_after) } } : {}),
    ...keysetWhere(query),
  };
  const { rows: jobs, next_cursor } = keysetPage(
    await db.job.findMany({
      where,
      orderBy: keysetOrder,
      ...keysetWindow(query),
      select: { id: true, jobType: true, status: true, createdAt: true },
    }),
    query,
  );
  return {
    jobs: jobs.map((j) => ({
      public_id: j.id,
      job_type: j.jobType,
      status: j.status,
      created_at: j.createdAt.toISOString(),
    })),
    limit: query.limit,
    offset: query.offset,
    count: jobs.length,
    next_cursor,
  };
}
