import {
  CatalogEntryPageResponse,
  CatalogEntryResponse,
  CatalogListQuery,
  CompatibilityCheckRequest,
  CompatibilityCheckResponse,
} from "@garment/schemas";
import { z } from "zod";
import { checkCompatibility } from "../../services/catalog/check-compatibility";
import { getComplementaryGarment } from "../../services/catalog/get-complementary-garment";
import { listComplementaryGarments } from "../../services/catalog/list-complementary-garments";
import { apiKeyProcedure, router } from "../init";

/** The tRPC twins of the complementary-garment catalog reads and POST /v1/compatibility/check. */
export const catalogRouter = router({
  complementaryGarments: apiKeyProcedure
    .input(CatalogListQuery)
    .output(CatalogEntryPageResponse)
    .query(async ({ ctx, input }) => {
      const page = await listComplementaryGarments(ctx.runtime, ctx.caller, input);
      return {
        complementary_garments: page.entries,
        limit: page.limit,
        offset: page.offset,
        count: page.count,
      };
    }),
  complementaryGarment: apiKeyProcedure
    .input(z.object({ public_id: z.string().max(64) }))
    .output(CatalogEntryResponse)
    .query(({ ctx, input }) => getComplementaryGarment(ctx.runtime, ctx.caller, input.public_id)),
  /** A read, so a query; the REST twin is a POST only because its body can be long. */
  checkCompatibility: apiKeyProcedure
    .input(CompatibilityCheckRequest)
    .output(CompatibilityCheckResponse)
    .query(({ ctx, input }) => checkCompatibility(ctx.runtime, ctx.caller, input)),
});
