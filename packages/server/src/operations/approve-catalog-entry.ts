import { CatalogEntryResponse } from "@garment/schemas";
import { approveCatalogEntry as approve } from "../services/catalog/approve-entry";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

/** POST /v1/catalog/complementary-garments/{public_id}/approve — our extension. */
export const approveCatalogEntry = defineOperation({
  audience: { capability: "jobs:create" },
  input: PublicIdInput,
  output: CatalogEntryResponse,
  run: ({ runtime, caller }, { public_id }) => approve(runtime, caller, public_id),
  trpc: "mutation",
  rest: { method: "POST", path: "/v1/catalog/complementary-garments/{public_id}/approve" },
  openapi: {
    operationId: "approveComplementaryGarment",
    tag: "Extensions",
    extension: true,
    summary: "Approve a catalog entry among its variants",
    description:
      "Our extension. Makes this entry its product's catalog entry: it becomes `approved` and every other entry of its variant group (see `POST /v1/jobs/{public_id}/variants`) `superseded`, in one transaction. Superseded entries stay readable and in their jobs, but the catalog list leaves them out unless `status=superseded` asks for them. Approving again changes nothing.",
    returns: "The approved entry.",
    errors: ["RESOURCE_NOT_FOUND"],
  },
});
