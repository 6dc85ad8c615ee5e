import { requireCapability } from "../../auth/authenticate";
import { getBalance } from "../../services/credits/balance";
import type { RestHandler } from "../endpoint";
import { json } from "../http";

/** GET /v1/credits → the caller's balance in its key's mode. */
export const getCredits: RestHandler = async (call) => {
  const caller = await call.authenticate();
  requireCapability(caller, "jobs:read");
  return json({
    balance: await getBalance(call.runtime.db, caller.clientId, caller.mode),
    currency: "credits",
  });
};
