import { PageQuery, UsageResponse } from "@garment/schemas";
import { listUsage as list } from "../services/usage/list-usage";
import { defineOperation } from "./define";

export const listUsage = defineOperation({
  audience: { capability: "jobs:read" },
  input: PageQuery,
  output: UsageResponse,
  run: ({ runtime, caller }, query) => list(runtime.db, caller, query),
  trpc: "query",
  rest: { method: "GET", path: "/v1/usage", input: "query" },
  openapi: {
    operationId: "listUsage",
    tag: "Account",
    summary: "List the caller's requests (request log), newest first",
    returns: "A page of request-log rows.",
    errors: ["VALIDATION_ERROR"],
  },
});
