import { SpecVocabularyResponse } from "@garment/schemas";
import { getSpecVocabulary as get } from "../services/reference/get-spec-vocabulary";
import { defineOperation } from "./define";

export const getSpecVocabulary = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: SpecVocabularyResponse,
  run: async () => get(),
  trpc: "query",
  rest: { method: "GET", path: "/v1/spec-vocabulary" },
  openapi: {
    operationId: "getSpecVocabulary",
    tag: "Catalog",
    summary: "Suggested spec values",
    returns: "Materials, patterns, lengths and fits the engine understands.",
    errors: [],
  },
});
