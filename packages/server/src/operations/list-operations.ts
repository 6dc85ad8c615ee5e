import { OperationListResponse } from "@garment/schemas";
import { listOperations as list } from "../services/reference/list-operations";
import { defineOperation } from "./define";

export const listOperations = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: OperationListResponse,
  run: ({ runtime }) => list(runtime.reference),
  trpc: "query",
  rest: { method: "GET", path: "/v1/operations" },
  openapi: {
    operationId: "listOperations",
    tag: "Account",
    summary: "List the priced operations",
    returns: "Operations with their prices.",
    errors: [],
  },
});
