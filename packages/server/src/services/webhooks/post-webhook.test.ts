import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postWebhook, refusalOf } from "./post-webhook";
import type { ResolveHost } from "./url-policy";

describe("postWebhook", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });

  async function listen(handler: Parameters<typeof createServer>[1]) {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  /** A resolver that answers each query from a script and counts the queries. */
  function scripted(...answers: string[]) {
    const calls: string[] = [];
    const resolve: ResolveHost = async (host) => {
      calls.push(host);
      const address = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      return [{ address, family: address.includes(":") ? 6 : 4 }];
    };
    return { resolve, calls };
  }

  const post = (url: string, resolve: ResolveHost, allowPrivate = false) =>
    postWebhook({ url, headers: {}, body: "{}", timeoutMs: 2000, allowPrivate, resolve });

  it("connects to the address its lookup returned, resolving the name once per attempt", async () => {
    let hits = 0;
    const port = await listen((_req, res) => {
      hits += 1;
      res.writeHead(204).end();
    });
    const dns = scripted("127.0.0.1");
    expect(await post(`http://hooks.test:${port}/h`, dns.resolve, true)).toBe(204);
    expect(hits).toBe(1);
    expect(dns.calls).toEqual(["hooks.test"]);
  });

  it("refuses the connection when the name answers a private address, before any byte is sent", async () => {
    let hits = 0;
    const port = await listen((_req, res) => {
      hits += 1;
      res.writeHead(204).end();
    });
    const dns = scripted("127.0.0.1");
    const error = await post(`http://rebound.test:${port}/h`, dns.resolve).catch((e: unknown) => e);
    expect(refusalOf(error)?.message).toMatch(/rebound\.test is 127\.0\.0\.1/);
    expect(hits).toBe(0);
  });

  it("refuses literal private and reserved hosts without resolving anything", async () => {
    const dns = scripted("93.184.216.34");
    for (const url of [
      "http://127.0.0.1:1/h",
      "http://[64:ff9b::7f00:1]/h",
      "http://localhost/h",
    ]) {
      const error = await post(url, dns.resolve).catch((e: unknown) => e);
      expect(refusalOf(error)).not.toBeNull();
    }
    expect(dns.calls).toEqual([]);
  });

  it("never follows a redirect: a 3xx is the answer, the Location is not visited", async () => {
    let targetHits = 0;
    const target = await listen((_req, res) => {
      targetHits += 1;
      res.writeHead(204).end();
    });
    const port = await listen((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${target}/internal` }).end();
    });
    const dns = scripted("127.0.0.1");
    expect(await post(`http://hooks.test:${port}/h`, dns.resolve, true)).toBe(307);
    expect(targetHits).toBe(0);
  });
});
