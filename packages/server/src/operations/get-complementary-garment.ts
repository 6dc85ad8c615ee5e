import { CatalogEntryResponse } from "@garment/schemas";
import { getComplementaryGarment as get } from "../services/catalog/get-complementary-garment";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

export const getComplementaryGarment = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: CatalogEntryResponse,
  run: ({ runtime, caller }, { public_id }) => get(runtime, caller, public_id),
  trpc: "query",
  rest: { method: "GET", path: "/v1/catalog/complementary-garments/{public_id}" },
  openapi: {
    operationId: "getComplementaryGarment",
    tag: "Catalog",
    summary: "Read one catalog entry",
    returns: "The entry.",
    errors: ["RESOURCE_NOT_FOUND"],
  },
});
