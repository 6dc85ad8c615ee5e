import type { PrismaClient } from "@garment/db";
import type { JobListQuery, JobListResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";

/** The caller's jobs, newest first (client and mode come from the key, never the query). */
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
  };
  const [jobs, count] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: query.offset,
      take: query.limit,
      select: { id: true, jobType: true, status: true, createdAt: true },
    }),
    db.job.count({ where }),
  ]);
  return {
    jobs: jobs.map((j) => ({
      public_id: j.id,
      job_type: j.jobType,
      status: j.status,
      created_at: j.createdAt.toISOString(),
    })),
    limit: query.limit,
    offset: query.offset,
    count,
  };
}
