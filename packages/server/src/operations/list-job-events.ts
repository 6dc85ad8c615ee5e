import { JobEventsQuery, JobEventsResponse } from "@garment/schemas";
import { listJobEvents as list } from "../services/jobs/list-job-events";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const listJobEvents = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput.extend(JobEventsQuery.shape),
  output: JobEventsResponse,
  run: ({ runtime, caller }, { public_id, since }) =>
    list(runtime.db, runtime.signer, caller, public_id, since),
  trpc: "query",
  rest: { method: "GET", path: "/v1/jobs/{public_id}/events", input: "query" },
  openapi: {
    operationId: "listJobEvents",
    tag: "Jobs",
    summary: "Read a job's public timeline",
    returns: "Events in ascending `seq`, after `since`.",
    errors: ["JOB_NOT_FOUND", "VALIDATION_ERROR"],
  },
});
