import { getOperatorOverview as readOverview } from "../../services/operator/overview";
import { defineOperation } from "../define";

/** The operator's view of every client: queue, runs, failures, refunds, balances, switches. */
export const getOperatorOverview = defineOperation({
  audience: { operator: true },
  input: undefined,
  run: ({ runtime }) => readOverview(runtime.db),
  trpc: "query",
});
