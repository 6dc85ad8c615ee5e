import { JobHistoryQuery, listJobHistory as list } from "../../services/studio/job-history";
import { defineOperation } from "../define";

export const listJobHistory = defineOperation({
  audience: { capability: "jobs:read" },
  input: JobHistoryQuery,
  run: ({ runtime, caller }, query) => list(runtime.db, runtime.signer, caller, query),
  trpc: "query",
});
