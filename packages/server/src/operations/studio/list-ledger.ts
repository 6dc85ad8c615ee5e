import { pageQuery } from "@garment/schemas";
import { listLedger as list } from "../../services/credits/ledger";
import { defineOperation } from "../define";

export const listLedger = defineOperation({
  audience: { capability: "jobs:read" },
  input: pageQuery({ defaultLimit: 20, maxLimit: 100 }),
  run: ({ runtime, caller }, page) => list(runtime.db, caller, page),
  trpc: "query",
});
