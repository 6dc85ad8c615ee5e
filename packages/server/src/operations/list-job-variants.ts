import { VariantGroupResponse } from "@garment/schemas";
import { listVariantGroup } from "../services/variants/list-variant-group";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

/** The variant group of a job: its root and every variant, for comparing them side by side. */
export const listJobVariants = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: VariantGroupResponse,
  run: ({ runtime, caller }, { public_id }) => listVariantGroup(runtime, caller, public_id),
  trpc: "query",
  rest: { method: "GET", path: "/v1/jobs/{public_id}/variants" },
  openapi: {
    operationId: "listJobVariants",
    tag: "Extensions",
    extension: true,
    summary: "List a job's variant group",
    description:
      "Our extension. The group's root job and all its variants, whichever of them is named: each job's status, seed, final image once it succeeded, and its catalog entry's status.",
    returns: "The root first, then the variants, oldest first.",
    errors: ["JOB_NOT_FOUND"],
  },
});
