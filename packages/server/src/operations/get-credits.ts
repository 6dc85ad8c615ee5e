import { CreditsResponse } from "@garment/schemas";
import { getBalance } from "../services/credits/balance";
import { defineOperation } from "./define";

export const getCredits = defineOperation({
  audience: { capability: "jobs:read" },
  input: undefined,
  output: CreditsResponse,
  run: async ({ runtime, caller }) => ({
    balance: await getBalance(runtime.db, caller.clientId, caller.mode),
    currency: "credits" as const,
  }),
  trpc: "query",
  rest: { method: "GET", path: "/v1/credits" },
  openapi: {
    operationId: "getCredits",
    tag: "Account",
    summary: "Read the credit balance",
    returns: "The balance in the key's mode.",
    responseExample: { balance: 995, currency: "credits" },
    errors: [],
  },
});
