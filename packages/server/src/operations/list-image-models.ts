import { ImageModelListResponse } from "@garment/schemas";
import { listImageModels as list } from "../services/reference/list-image-models";
import { defineOperation } from "./define";

export const listImageModels = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: ImageModelListResponse,
  run: async ({ runtime }) => list(runtime.imageModels),
  trpc: "query",
  rest: { method: "GET", path: "/v1/image-models" },
  openapi: {
    operationId: "listImageModels",
    tag: "Catalog",
    summary: "List image models",
    returns: "Every model, whether it is available here and what it supports.",
    errors: [],
  },
});
