import { BatchResponse } from "@garment/schemas";
import { getBatch as readBatch } from "../services/batches/get-batch";
import { defineOperation } from "./define";
import { BATCH_RESPONSE_EXAMPLE } from "./examples";
import { PublicIdInput } from "./public-id";

/** GET /v1/batches/{public_id} — our extension: a batch's jobs, in row order, and its counts. */
export const getBatch = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: BatchResponse,
  run: ({ runtime, caller }, { public_id }) =>
    readBatch(runtime.db, runtime.signer, caller, public_id),
  trpc: "query",
  rest: { method: "GET", path: "/v1/batches/{public_id}" },
  openapi: {
    operationId: "getBatch",
    tag: "Extensions",
    extension: true,
    summary: "Read a batch: its jobs and counts by status",
    description:
      "Our extension, not a route of the original API. Jobs in row order with their status, failure reason and, once succeeded, a short-lived signed URL of the final image.",
    returns: "The batch.",
    responseExample: BATCH_RESPONSE_EXAMPLE,
    errors: ["RESOURCE_NOT_FOUND"],
  },
});
