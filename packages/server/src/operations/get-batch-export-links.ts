import { BatchExportLinks } from "@garment/schemas";
import { batchExportLinks } from "../services/batches/export-links";
import { defineOperation } from "./define";
import { PublicIdInput } from "./public-id";

/**
 * tRPC `batches.exportLinks` — signed links to GET /v1/batches/{id}/export.csv and .zip for the
 * Studio, whose browser holds a session cookie, which REST does not take. No REST binding: an
 * API client calls the exports with its Bearer key.
 */
export const getBatchExportLinks = defineOperation({
  audience: { capability: "jobs:read" },
  input: PublicIdInput,
  output: BatchExportLinks,
  run: ({ runtime, caller }, { public_id }) =>
    batchExportLinks(runtime.db, runtime.signer, caller, public_id),
  trpc: "query",
});
