import { GarmentCategoryListResponse } from "@garment/schemas";
import { listGarmentCategories as list } from "../services/reference/list-garment-categories";
import { defineOperation } from "./define";

export const listGarmentCategories = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: GarmentCategoryListResponse,
  run: ({ runtime }) => list(runtime.reference),
  trpc: "query",
  rest: { method: "GET", path: "/v1/garment-categories" },
  openapi: {
    operationId: "listGarmentCategories",
    tag: "Catalog",
    summary: "List garment categories",
    returns: "Every garment category.",
    errors: [],
  },
});
