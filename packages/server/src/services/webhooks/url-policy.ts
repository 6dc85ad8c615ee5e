import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Addresses a webhook must never reach from a server: loopback, private networks, link-local
// (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast and reserved space.
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? blocked.check(mapped, "ipv4") : blocked.check(address, "ipv6");
}

export class WebhookUrlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookUrlRefused";
  }
}

/**
 * Refuses URLs that would make the server call into its own network: hosts that are, or
 * resolve to, private or loopback addresses. Checked at registration and again before each
 * delivery (a name can be re-pointed after it was registered).
 */
export async function assertPublicWebhookUrl(
  rawUrl: string,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<void> {
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost"))
    throw new WebhookUrlRefused("Webhook URLs may not point at localhost.");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new WebhookUrlRefused(`The webhook host "${host}" does not resolve.`);
    }
  }
  const refused = addresses.find(isPrivateAddress);
  if (refused)
    throw new WebhookUrlRefused(
      `Webhook URLs may not point at private or loopback addresses (${host} is ${refused}).`,
    );
}

const LOOKUP_TIMEOUT_MS = 5_000;

async function resolveAll(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), LOOKUP_TIMEOUT_MS);
  });
  try {
    const results = await Promise.race([lookup(host, { all: true, verbatim: true }), deadline]);
    return results.map((result) => result.address);
  } finally {
    clearTimeout(timer);
  }
}
