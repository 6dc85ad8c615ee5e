import { requireCapability } from "../../auth/authenticate";
import { getBalance } from "../../services/credits/balance";
import { apiKeyProcedure, router } from "../init";

export const creditsRouter = router({
  balance: apiKeyProcedure.query(async ({ ctx }) => {
    requireCapability(ctx.caller, "jobs:read");
    return {
      balance: await getBalance(ctx.runtime.db, ctx.caller.clientId, ctx.caller.mode),
      currency: "credits" as const,
    };
  }),
});
