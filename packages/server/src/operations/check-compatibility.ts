import { CompatibilityCheckRequest, CompatibilityCheckResponse } from "@garment/schemas";
import { checkCompatibility as check } from "../services/catalog/check-compatibility";
import { defineOperation } from "./define";
import { EXAMPLE_ULID } from "./examples";

export const checkCompatibility = defineOperation({
  audience: { capability: "jobs:read" },
  input: CompatibilityCheckRequest,
  output: CompatibilityCheckResponse,
  run: ({ runtime, caller }, body) => check(runtime, caller, body),
  // A read, so a tRPC query; the REST twin is a POST only because its body can be long.
  trpc: "query",
  rest: { method: "POST", path: "/v1/compatibility/check", input: "body" },
  openapi: {
    operationId: "checkCompatibility",
    tag: "Catalog",
    summary: "Check catalog garments against a product category",
    returns: "One result per candidate, in request order.",
    requestExample: {
      product_garment_category_public_id: EXAMPLE_ULID,
      candidate_complementary_image_public_ids: ["01KDVDQ2M8N4P6R8T0V2X4Z6A8"],
    },
    errors: ["RESOURCE_NOT_FOUND", "PAYLOAD_TOO_LARGE", "VALIDATION_ERROR"],
  },
});
