import { GarmentCategoryResponse } from "@garment/schemas";
import { getGarmentCategory as get } from "../services/reference/list-garment-categories";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const getGarmentCategory = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: GarmentCategoryResponse,
  run: ({ runtime }, { public_id }) => get(runtime.reference, public_id),
  trpc: "query",
  rest: { method: "GET", path: "/v1/garment-categories/{public_id}" },
  openapi: {
    operationId: "getGarmentCategory",
    tag: "Catalog",
    summary: "Read one garment category",
    returns: "The category.",
    errors: ["RESOURCE_NOT_FOUND"],
  },
});
