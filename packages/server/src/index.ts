export { ApiError } from "./errors";
export type { Caller } from "./auth/caller";
export { dispatchComplementaryGarment } from "./services/dispatch/dispatch-complementary-garment";
export { createClient } from "./services/clients/create-client";
export { createApiKey, revokeApiKey } from "./services/clients/api-keys";
export { getBalance, grantCredits, ledgerSum } from "./services/credits/balance";
export { failJobAndRefund } from "./services/credits/fail-and-refund";
