import { listApiKeys as list } from "../../services/clients/api-keys";
import { defineOperation } from "../define";

export const listApiKeys = defineOperation({
  audience: { stylist: true },
  input: undefined,
  run: ({ runtime, caller }) => list(runtime.db, caller.clientId),
  trpc: "query",
});
