export { ApiError } from "./errors";
export type { Caller } from "./auth/caller";
export { dispatchComplementaryGarment } from "./services/dispatch/dispatch-complementary-garment";
export { createClient } from "./services/clients/create-client";
export { createApiKey, revokeApiKey } from "./services/clients/api-keys";
export { getBalance, grantCredits, ledgerSum } from "./services/credits/balance";
export { failJobAndRefund } from "./services/credits/fail-and-refund";
export { createUser } from "./services/users/create-user";
export { signIn, signOut, resolveSession, SESSION_TTL_MS } from "./services/users/sessions";
export {
  attemptSignIn,
  signInRefusalMessage,
  type SignInAttempt,
} from "./services/users/attempt-sign-in";
export type { SessionUser } from "./services/users/sessions";
export { SESSION_COOKIE, STUDIO_MODE_COOKIE, studioModeOf } from "./auth/session";
export type { OperatorOverview } from "./services/operator/overview";
