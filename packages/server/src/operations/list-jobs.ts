import { JobListQuery, JobListResponse } from "@garment/schemas";
import { listJobs as list } from "../services/jobs/list-jobs";
import { defineOperation } from "./define";

export const listJobs = defineOperation({
  audience: { capability: "jobs:read" },
  input: JobListQuery,
  output: JobListResponse,
  run: ({ runtime, caller }, query) => list(runtime.db, caller, query),
  trpc: "query",
  rest: { method: "GET", path: "/v1/jobs", input: "query", arrayQuery: ["job_type"] },
  openapi: {
    operationId: "listJobs",
    tag: "Jobs",
    summary: "List the caller's jobs, newest first",
    returns: "A page of jobs.",
    errors: ["VALIDATION_ERROR"],
  },
});
