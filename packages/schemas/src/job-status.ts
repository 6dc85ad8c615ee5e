import { z } from "zod";

export const JobStatus = z
  .enum(["NOT_STARTED", "IN_PROGRESS", "SUCCESS", "FAILURE"])
  .meta({ id: "JobStatus", description: "Mirrors studio.schema.common.JobStatus." });
export type JobStatus = z.infer<typeof JobStatus>;

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ["SUCCESS", "FAILURE"];

export const JobType = z.enum(["COMPLEMENTARY_GARMENT_GENERATOR"]);
export type JobType = z.infer<typeof JobType>;
