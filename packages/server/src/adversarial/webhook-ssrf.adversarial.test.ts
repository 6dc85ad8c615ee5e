import { testDatabaseKinds } from "@garment/db";
import dns from "node:dns";
import { syncBuiltinESMExports } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import { WebhookReceiver } from "../../test/webhook-receiver";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";

// Attack: webhook URLs that reach the server's own network. The attacker controls the DNS of
// their webhook host; the server's policy refuses private and reserved addresses.

const PUBLIC_ADDRESS = "93.184.216.34";

/**
 * A resolver the test controls, installed where Node's HTTP stack looks names up: the
 * attacker's name answers a public address to the checker (`dns.promises.lookup`) and loopback
 * to the connector (`dns.lookup`, what `net.connect` calls): DNS rebinding with a TTL of 0.
 */
function installRebindingDns(host: string, atConnect: string) {
  const original = { lookup: dns.lookup, promisesLookup: dns.promises.lookup };
  const family = (address: string) => (address.includes(":") ? 6 : 4);
  const answer = (address: string, options: unknown) =>
    (options as { all?: boolean } | undefined)?.all
      ? [{ address, family: family(address) }]
      : { address, family: family(address) };
  Object.assign(dns.promises, {
    lookup: (name: string, options?: unknown) =>
      name === host
        ? Promise.resolve(answer(PUBLIC_ADDRESS, options))
        : original.promisesLookup(name, options as dns.LookupAllOptions),
  });
  Object.assign(dns, {
    lookup: (name: string, options: unknown, callback?: unknown) => {
      const done = (typeof options === "function" ? options : callback) as (
        ...args: unknown[]
      ) => void;
      const opts = typeof options === "function" ? {} : options;
      if (name !== host) return (original.lookup as (...a: unknown[]) => void)(name, opts, done);
      const result = answer(atConnect, opts);
      process.nextTick(() =>
        Array.isArray(result)
          ? done(null, result)
          : done(null, (result as { address: string }).address, family(atConnect)),
      );
    },
  });
  syncBuiltinESMExports();
  return () => {
    Object.assign(dns, { lookup: original.lookup });
    Object.assign(dns.promises, { lookup: original.promisesLookup });
    syncBuiltinESMExports();
  };
}

describe.each(testDatabaseKinds())("webhook SSRF on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  let receiver: WebhookReceiver;
  let restoreDns = () => {};
  beforeEach(async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      // Production policy: private, loopback and reserved addresses are refused.
      settings: { webhooks: { allowPrivateUrls: false, maxAttempts: 2 }, outboundTimeoutMs: 1500 },
    });
    receiver = new WebhookReceiver();
  });
  afterEach(async () => {
    restoreDns();
    restoreDns = () => {};
    await receiver.stop();
    await runtime.close();
  });

  async function finishOneJob(key: string) {
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key,
      body: validSpec({ resolution: "0.5K", eval_enabled: false }),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
  }

  it("DNS rebinding: a name checked as public but resolved to loopback at connect time never reaches loopback", async () => {
    const port = new URL(await receiver.start()).port;
    restoreDns = installRebindingDns("rebind.attacker.example", "127.0.0.1");
    const client = await createTestClient(runtime);
    const registered = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
      key: client.api_key,
      body: { url: `http://rebind.attacker.example:${port}/hooks` },
    });
    expect(registered.status).toBe(201);

    await finishOneJob(client.api_key);

    // The loopback service was never called: the connection went to the address that was
    // checked (unreachable here), or the connect-time answer was refused.
    expect(receiver.received).toHaveLength(0);
    const attempts = await runtime.db.webhookDeliveryAttempt.findMany();
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.statusCode === null)).toBe(true);
  });

  it("refuses NAT64, 6to4 and every other reserved range at registration with a 422 naming the url", async () => {
    const client = await createTestClient(runtime);
    const reserved = {
      "NAT64 (64:ff9b::/96)": "http://[64:ff9b::7f00:1]/hooks",
      "NAT64 local-use (64:ff9b:1::/48)": "http://[64:ff9b:1::a00:1]/hooks",
      "6to4 (2002::/16)": "http://[2002:7f00:1::]/hooks",
      "IPv4-compatible (::/96)": "http://[::7f00:1]/hooks",
      "Teredo (2001::/32)": "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks",
      "documentation (2001:db8::/32)": "http://[2001:db8::1]/hooks",
      "TEST-NET-3 (203.0.113.0/24)": "http://203.0.113.9/hooks",
    };
    const accepted: string[] = [];
    for (const [range, url] of Object.entries(reserved)) {
      const answer = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        body: { url },
      });
      if (answer.status !== 422 || answer.body.detail?.[0]?.loc?.join(".") !== "body.url")
        accepted.push(`${range}: ${answer.status}`);
    }
    expect(accepted).toEqual([]);
  });

  it("refuses, at the delivery attempt, a name re-pointed to NAT64 loopback after registration", async () => {
    restoreDns = installRebindingDns("repointed.attacker.example", "64:ff9b::7f00:1");
    const client = await createTestClient(runtime);
    const registered = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
      key: client.api_key,
      body: { url: "http://repointed.attacker.example/hooks" },
    });
    expect(registered.status).toBe(201);
    // From now on the name answers NAT64 loopback to every query.
    restoreDns();
    restoreDns = installRebindingDns("repointed.attacker.example", "64:ff9b::7f00:1");
    Object.assign(dns.promises, {
      lookup: () => Promise.resolve([{ address: "64:ff9b::7f00:1", family: 6 }]),
    });
    syncBuiltinESMExports();

    await finishOneJob(client.api_key);

    const delivery = await runtime.db.webhookDelivery.findFirstOrThrow({
      include: { attemptsLog: true },
    });
    // Refused for good (never retried), and the log says why, not a network error.
    expect(delivery.status).toBe("failed");
    expect(delivery.attemptsLog).toHaveLength(1);
    expect(delivery.attemptsLog[0]!.error).toMatch(/64:ff9b::7f00:1/);
    expect(delivery.attemptsLog[0]!.statusCode).toBeNull();
  });
});
