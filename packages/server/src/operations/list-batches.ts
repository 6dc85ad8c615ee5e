import { BatchListQuery, BatchListResponse } from "@garment/schemas";
import { listBatches as list } from "../services/batches/list-batches";
import { defineOperation } from "./define";

/** GET /v1/batches — our extension: the caller's batches, newest first, without their jobs. */
export const listBatches = defineOperation({
  audience: { capability: "jobs:read" },
  input: BatchListQuery,
  output: BatchListResponse,
  run: ({ runtime, caller }, query) => list(runtime.db, caller, query),
  trpc: "query",
  rest: { method: "GET", path: "/v1/batches", input: "query" },
  openapi: {
    operationId: "listBatches",
    tag: "Extensions",
    extension: true,
    summary: "List the caller's batches, newest first",
    description:
      "Our extension, not a route of the original API. Each batch as its summary (the `batch.finished` data): counts by status, credits charged and refunded, and when it finished. Read one batch's jobs with `GET /v1/batches/{public_id}`.",
    returns: "A page of batches.",
    errors: ["VALIDATION_ERROR"],
  },
});
