import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import type { SignInLimits } from "../config/api-settings";
import type { PostgresRateLimitStore } from "./rate-limit";

export type ThrottleDecision =
  | { allowed: true; settle: (succeeded: boolean) => Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Per-account and per-address buckets of failed sign-ins, in the database's rate-limit table,
 * so every instance sees the same counts. An attempt takes a token from both before any hash
 * is checked (so concurrent guesses cannot overrun a bucket), and a success gives them back:
 * only failures count. An attempt the account's bucket refuses checked no password, so the
 * address's token goes back too: a locked account's retries do not throttle everyone else
 * behind the same address (an office's NAT).
 */
export class SignInThrottle {
  constructor(
    private readonly store: PostgresRateLimitStore,
    private readonly limits: Pick<SignInLimits, "perAccount" | "perAddress">,
  ) {}

  async admit(attempt: { email: string; address: string }): Promise<ThrottleDecision> {
    const address = { key: `sign-in:address:${attempt.address}`, limit: this.limits.perAddress };
    const account = {
      // Hashed: the table never holds an email, and any text fits the key.
      key: `sign-in:account:${createHash("sha256").update(attempt.email).digest("hex")}`,
      limit: this.limits.perAccount,
    };
    const byAddress = await this.store.take(address.key, address.limit);
    if (!byAddress.allowed) return refusal(byAddress.retryAfterMs);
    const byAccount = await this.store.take(account.key, account.limit);
    if (!byAccount.allowed) {
      await this.store.giveBack([address]);
      return refusal(byAccount.retryAfterMs);
    }
    return {
      allowed: true,
      settle: async (succeeded) => {
        if (succeeded) await this.store.giveBack([address, account]);
      },
    };
  }
}

function refusal(retryAfterMs: number): ThrottleDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/**
 * The client's address for the throttle, from X-Forwarded-For as `trustedProxyHops` proxies
 * left it. IPv4-mapped IPv6 counts as its IPv4; other IPv6 by its /64 (one host's usual
 * allocation), so rotating through a subnet buys nothing. "unknown" when there is none.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const raw = hops[hops.length - Math.max(1, trustedProxyHops)] ?? headers.get("x-real-ip") ?? "";
  if (!ipaddr.isValid(raw)) return "unknown";
  const parsed = ipaddr.process(raw);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(":")}::/64`;
}
