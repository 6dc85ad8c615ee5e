import { JobDetailResponse } from "@garment/schemas";
import { cancelJob as cancel } from "../services/jobs/cancel-job";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const cancelJob = defineOperation({
  audience: { capability: "jobs:create" },
  input: PublicIdInput,
  output: JobDetailResponse,
  run: ({ runtime, caller }, { public_id }) =>
    cancel(runtime.db, runtime.signer, caller, public_id, runtime),
  // Webhooks hear of the cancelled job as `job.failed`, whichever transport cancelled it.
  announce: async ({ runtime }, job) => runtime.workflows?.announceJobFinished(job.public_id),
  trpc: "mutation",
  rest: { method: "POST", path: "/v1/jobs/{public_id}/cancel" },
  openapi: {
    operationId: "cancelJob",
    tag: "Jobs",
    summary: "Cancel a job that has not finished, refunding it",
    returns: "The cancelled job (status FAILURE).",
    errors: ["JOB_NOT_FOUND", "CONFLICT"],
  },
});
