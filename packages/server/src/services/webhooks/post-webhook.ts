import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { Agent, request } from "undici";
import {
  assertPublicAddresses,
  resolveHost,
  webhookHost,
  WebhookUrlRefused,
  type ResolveHost,
} from "./url-policy";

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Accept private and loopback addresses (development and tests only). */
  allowPrivate: boolean;
  resolve?: ResolveHost;
}

/**
 * A `lookup` for the HTTP agent that checks the very addresses the socket then connects to:
 * one resolution per connection, so a name cannot answer a public address to a check and a
 * private one to the connect (DNS rebinding). Refused answers fail the connection.
 */
export function pinnedLookup(resolve: ResolveHost, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const addresses = options.family ? found.filter((a) => a.family === options.family) : found;
        try {
          if (!allowPrivate)
            assertPublicAddresses(
              hostname,
              addresses.map((a) => a.address),
            );
        } catch (error) {
          callback(error as NodeJS.ErrnoException, "", 0);
          return;
        }
        const first = addresses[0];
        if (!first) {
          const missing: NodeJS.ErrnoException = new Error(`${hostname} does not resolve`);
          missing.code = "ENOTFOUND";
          callback(missing, "", 0);
        } else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/** The refusal behind a failed connection, if that is why it failed. */
export function refusalOf(error: unknown): WebhookUrlRefused | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof WebhookUrlRefused) return e;
  }
  return null;
}

/**
 * POSTs one webhook body and answers the status code. The connection goes only to an address
 * the policy accepted (literal hosts are checked here, names by the pinned lookup), redirects
 * are never followed (a 3xx is just a non-2xx answer), and the deadline covers the whole call.
 * The response body is discarded unread.
 */
export async function postWebhook(post: WebhookPost): Promise<number> {
  const host = post.allowPrivate ? new URL(post.url).hostname : webhookHost(post.url);
  const literal = host.replace(/^\[|\]$/g, "");
  if (!post.allowPrivate && isIP(literal)) assertPublicAddresses(literal, [literal]);
  const agent = new Agent({
    connect: { lookup: pinnedLookup(post.resolve ?? resolveHost, post.allowPrivate) },
    // One delivery, one connection: nothing pooled outlives the check it was made under.
    pipelining: 0,
  });
  try {
    const response = await request(post.url, {
      method: "POST",
      headers: post.headers,
      body: post.body,
      dispatcher: agent,
      signal: AbortSignal.timeout(post.timeoutMs),
    });
    await response.body.dump().catch(() => undefined);
    return response.statusCode;
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}
