import type { PrismaClient } from "@garment/db";
import { unstorableReason } from "@garment/schemas";
import type { Logger } from "pino";
import type { PasswordCheckGate } from "../../auth/password-check-gate";
import { clientAddress, type SignInThrottle } from "../../auth/sign-in-throttle";
import type { SignInLimits } from "../../config/api-settings";
import { normalizeEmail } from "./create-user";
import { signIn, type IssuedSession } from "./sessions";

/** Longer than any real password; argon2 is never asked to hash a megabyte a stranger sent. */
const MAX_PASSWORD_LENGTH = 1024;
/** How long a stylist turned away by a full hash queue is asked to wait. */
const BUSY_RETRY_SECONDS = 2;

/** What a sign-in needs (the app runtime has it all). */
export interface SignInDependencies {
  db: PrismaClient;
  signIn: { throttle: SignInThrottle; passwordChecks: PasswordCheckGate };
  settings: { signIn: Pick<SignInLimits, "trustedProxyHops"> };
  logger: Pick<Logger, "warn">;
}

export type SignInAttempt =
  | { outcome: "signed-in"; session: IssuedSession }
  | { outcome: "refused" }
  | { outcome: "throttled"; retryAfterSeconds: number; reason: "attempts" | "busy" };

/**
 * One sign-in as the Studio's form makes it: throttled per account and per address (failures
 * only, counted in the database for every instance), then the password checked through the
 * process's bounded queue of hash checks. Text the database cannot store is refused unchecked.
 */
export async function attemptSignIn(
  runtime: SignInDependencies,
  attempt: { email: string; password: string; headers: Headers },
  now = new Date(),
): Promise<SignInAttempt> {
  const email = normalizeEmail(attempt.email);
  if (unstorableReason(email) || attempt.password.length > MAX_PASSWORD_LENGTH) {
    return { outcome: "refused" };
  }
  const { throttle, passwordChecks } = runtime.signIn;
  const who = {
    email,
    address: clientAddress(attempt.headers, runtime.settings.signIn.trustedProxyHops),
  };
  const admitted = await throttle.admit(who);
  if (!admitted.allowed) {
    runtime.logger.warn({ address: who.address }, "sign-in throttled");
    return {
      outcome: "throttled",
      retryAfterSeconds: admitted.retryAfterSeconds,
      reason: "attempts",
    };
  }
  const checked = await passwordChecks.run(() => signIn(runtime.db, email, attempt.password, now));
  if (!checked) {
    // Never checked, so not a failure: the tokens go back.
    await admitted.settle(true);
    return { outcome: "throttled", retryAfterSeconds: BUSY_RETRY_SECONDS, reason: "busy" };
  }
  await admitted.settle(checked.value !== null);
  return checked.value ? { outcome: "signed-in", session: checked.value } : { outcome: "refused" };
}

/** What the sign-in form says when an attempt did not sign in. */
export function signInRefusalMessage(attempt: Exclude<SignInAttempt, { outcome: "signed-in" }>) {
  if (attempt.outcome === "refused") return "That email and password do not match.";
  const why = attempt.reason === "busy" ? "Sign-in is busy." : "Too many sign-in attempts.";
  return `${why} Try again in ${attempt.retryAfterSeconds} s.`;
}
