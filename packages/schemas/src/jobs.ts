import { z } from "zod";
import { PageInfo, PageQuery } from "./page";
import { JobStatus, JobType } from "./job-status";

export const ArtifactResponse = z
  .object({
    image_url: z.string().meta({ description: "Short-lived signed URL served by the app." }),
    kind: z.string().meta({ example: "catalog_image" }),
    role: z.enum(["final", "intermediate"]),
    label: z.string().nullable(),
    meta: z
      .record(z.string(), z.unknown())
      .meta({ description: "width, height, seed, model, the plan and the eval scores." }),
  })
  .meta({ id: "ArtifactResponse" });
export type ArtifactResponse = z.infer<typeof ArtifactResponse>;

export const JobEventType = z.enum(["queued", "stage", "succeeded", "failed"]);
export type JobEventType = z.infer<typeof JobEventType>;

export const JobEventResponse = z
  .object({
    seq: z.int(),
    event_type: JobEventType,
    visibility: z.literal("public"),
    stage: z.string().nullable(),
    message: z.string(),
    artifacts: z.array(ArtifactResponse),
    extra: z
      .record(z.string(), z.unknown())
      .meta({ description: "Costs, refunds, errors and eval scores." }),
    created_at: z.string(),
  })
  .meta({ id: "JobEventResponse" });
export type JobEventResponse = z.infer<typeof JobEventResponse>;

export const JobDetailResponse = z
  .object({
    public_id: z.string(),
    job_type: z.string(),
    status: JobStatus,
    created_at: z.string(),
    request: z.record(z.string(), z.unknown()).nullable(),
    result: z.array(ArtifactResponse).meta({ description: "Empty until the job succeeds." }),
    latest_event: JobEventResponse.nullable(),
  })
  .meta({ id: "JobDetailResponse" });
export type JobDetailResponse = z.infer<typeof JobDetailResponse>;

export const JobEventsResponse = z
  .object({
    public_id: z.string(),
    events: z.array(JobEventResponse),
    latest_seq: z.int().nullable(),
  })
  .meta({ id: "JobEventsResponse" });
export type JobEventsResponse = z.infer<typeof JobEventsResponse>;

export const JobSummaryResponse = z
  .object({
    public_id: z.string(),
    job_type: z.string(),
    status: JobStatus,
    created_at: z.string(),
  })
  .meta({ id: "JobSummaryResponse" });

export const JobListResponse = z
  .object({
    jobs: z.array(JobSummaryResponse),
    ...PageInfo.shape,
    count: z.int().meta({ description: "Rows on this page." }),
  })
  .meta({ id: "JobListResponse" });
export type JobListResponse = z.infer<typeof JobListResponse>;

/** Query of GET /v1/jobs (strings in, as a query string arrives). */
export const JobListQuery = z.object({
  job_type: z.array(JobType).optional(),
  status: JobStatus.optional(),
  created_after: z.iso.datetime({ offset: true }).optional(),
  ...PageQuery.shape,
});
export type JobListQuery = z.infer<typeof JobListQuery>;

export const JobEventsQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
});
