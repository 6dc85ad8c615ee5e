import dns from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where a webhook may point: global unicast addresses only. Everything IANA reserves for a
 * special purpose is refused — loopback, private networks, link-local (cloud metadata lives at
 * 169.254.169.254), carrier-grade NAT, multicast, documentation and benchmarking space — and
 * with it every IPv6 form that can carry an IPv4 address into the server's own network:
 * NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16), Teredo, IPv4-compatible (::/96).
 * An allow-list (ipaddr.js's `unicast`, within 2000::/3 for IPv6) rather than a block-list, so a
 * range we forgot is refused, not reachable.
 */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes its IPv4
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  return parsed.match(GLOBAL_UNICAST_V6) && parsed.range() === "unicast";
}

export class WebhookUrlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookUrlRefused";
  }
}

/** A host's addresses, as the HTTP connection would use them. */
export type ResolveHost = (host: string) => Promise<dns.LookupAddress[]>;

const LOOKUP_TIMEOUT_MS = 5_000;

/** The system resolver (getaddrinfo, as `net.connect` uses it), with a deadline. */
export const resolveHost: ResolveHost = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), LOOKUP_TIMEOUT_MS);
  });
  try {
    // Read at call time (not bound at import), so the resolver stays the process's own.
    return await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), deadline]);
  } finally {
    clearTimeout(timer);
  }
};

/** The URL's host without IPv6 brackets; localhost names are refused outright. */
export function webhookHost(rawUrl: string): string {
  const host = new URL(rawUrl).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost"))
    throw new WebhookUrlRefused("Webhook URLs may not point at localhost.");
  return host;
}

/** Throws WebhookUrlRefused naming the first address outside global unicast. */
export function assertPublicAddresses(host: string, addresses: readonly string[]): void {
  if (addresses.length === 0)
    throw new WebhookUrlRefused(`The webhook host "${host}" does not resolve.`);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused !== undefined) {
    throw new WebhookUrlRefused(
      `Webhook URLs may not point at private, loopback or reserved addresses (${host} is ${refused}).`,
    );
  }
}

/**
 * The registration-time check: the URL's host is, or resolves only to, public addresses. Each
 * delivery checks again, on the very addresses it connects to (see postWebhook).
 */
export async function assertPublicWebhookUrl(
  rawUrl: string,
  resolve: ResolveHost = resolveHost,
): Promise<void> {
  const host = webhookHost(rawUrl);
  if (isIP(host)) return assertPublicAddresses(host, [host]);
  let addresses: dns.LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new WebhookUrlRefused(`The webhook host "${host}" does not resolve.`);
  }
  assertPublicAddresses(
    host,
    addresses.map((a) => a.address),
  );
}
