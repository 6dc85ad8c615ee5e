import { CreditActivityQuery } from "@garment/schemas";
import { creditActivity } from "../../services/credits/activity";
import { defineOperation } from "../define";

/** Spend and refunds over time, for the credits page's chart. */
export const getCreditActivity = defineOperation({
  audience: { capability: "jobs:read" },
  input: CreditActivityQuery,
  run: ({ runtime, caller }, query) => creditActivity(runtime.db, caller, query),
  trpc: "query",
});
