import { UsageQuery } from "@garment/schemas";
import { listUsage } from "../../services/usage/list-usage";
import { apiKeyProcedure, router } from "../init";

export const usageRouter = router({
  list: apiKeyProcedure
    .input(UsageQuery)
    .query(({ ctx, input }) => listUsage(ctx.runtime.db, ctx.caller, input)),
});
