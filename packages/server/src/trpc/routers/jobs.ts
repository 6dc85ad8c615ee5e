import { JobListQuery } from "@garment/schemas";
import { z } from "zod";
import { cancelJob } from "../../services/jobs/cancel-job";
import { getJobDetail } from "../../services/jobs/get-job";
import { listJobEvents } from "../../services/jobs/list-job-events";
import { listJobs } from "../../services/jobs/list-jobs";
import { apiKeyProcedure, router } from "../init";

const JobId = z.object({ public_id: z.string().max(64) });

export const jobsRouter = router({
  get: apiKeyProcedure
    .input(JobId)
    .query(({ ctx, input }) =>
      getJobDetail(ctx.runtime.db, ctx.runtime.signer, ctx.caller, input.public_id),
    ),
  events: apiKeyProcedure
    .input(JobId.extend({ since: z.int().min(0).optional() }))
    .query(({ ctx, input }) =>
      listJobEvents(ctx.runtime.db, ctx.runtime.signer, ctx.caller, input.public_id, input.since),
    ),
  list: apiKeyProcedure
    .input(JobListQuery)
    .query(({ ctx, input }) => listJobs(ctx.runtime.db, ctx.caller, input)),
  cancel: apiKeyProcedure.input(JobId).mutation(async ({ ctx, input }) => {
    const detail = await cancelJob(ctx.runtime.db, ctx.runtime.signer, ctx.caller, input.public_id);
    await ctx.runtime.workflows?.announceJobFinished(detail.public_id);
    return detail;
  }),
});
