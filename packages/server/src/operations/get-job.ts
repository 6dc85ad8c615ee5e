import { JobDetailResponse } from "@garment/schemas";
import { getJobDetail } from "../services/jobs/get-job";
import { defineOperation } from "./define";
import { JOB_DETAIL_EXAMPLE } from "./examples";
import { PublicIdInput } from "./public-id";

export const getJob = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: JobDetailResponse,
  run: ({ runtime, caller }, { public_id }) =>
    getJobDetail(runtime.db, runtime.signer, caller, public_id),
  trpc: "query",
  rest: { method: "GET", path: "/v1/jobs/{public_id}" },
  openapi: {
    operationId: "getJob",
    tag: "Jobs",
    summary: "Read one job with its result",
    returns: "The job.",
    responseExample: JOB_DETAIL_EXAMPLE,
    errors: ["JOB_NOT_FOUND"],
  },
});
