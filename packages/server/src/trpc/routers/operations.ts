import { requireCapability } from "../../auth/authenticate";
import { listOperations } from "../../services/reference/list-operations";
import { apiKeyProcedure, router } from "../init";

export const operationsRouter = router({
  list: apiKeyProcedure.query(async ({ ctx }) => {
    requireCapability(ctx.caller, "jobs:read");
    return listOperations(ctx.runtime.reference);
  }),
});
