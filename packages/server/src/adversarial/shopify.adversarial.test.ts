import { testDatabaseKinds } from "@garment/db";
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { createShopifyCredential } from "../auth/shopify";
import { COMMANDS } from "../cli/commands";
import { getBalance } from "../services/credits/balance";

// Attack: a captured X-Shopify-Hmac-Sha256 reused — on other endpoints, replayed, or used to
// make the server compute HMACs for free. The test signs as the contract documents:
// base64(HMAC-SHA256(secret, `${X-Shopify-Triggered-At}.${X-Shopify-Webhook-Id}.${raw body}`)).

/** A shop of its own per test (a shop holds a bounded number of secrets). */
const newShop = () => `boutique-${randomUUID().slice(0, 8)}.myshopify.com`;
const bodyOnly = (secret: string, raw: string) =>
  createHmac("sha256", secret).update(raw).digest("base64");

function signedDispatch(
  { secret, shop }: { secret: string; shop: string },
  raw: string,
  event = { id: randomUUID(), at: new Date().toISOString() },
) {
  const hmac = createHmac("sha256", secret)
    .update(`${event.at}.${event.id}.${raw}`)
    .digest("base64");
  return {
    rawBody: raw,
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": hmac,
      "x-shopify-shop-domain": shop,
      "x-shopify-webhook-id": event.id,
      "x-shopify-triggered-at": event.at,
    },
  };
}

describe.each(testDatabaseKinds())("Shopify signatures on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function shopClient(credits = 100) {
    const client = await createTestClient(runtime, credits);
    const shop = newShop();
    const { id, secret } = await createShopifyCredential(runtime.db, {
      clientId: client.client_id,
      mode: "live",
      capabilities: ["jobs:create", "jobs:read"],
      shopDomain: shop,
    });
    return { ...client, credentialId: id, secret, shop };
  }

  it("scope: the never-changing signature of an empty body authenticates no GET, DELETE or cancel", async () => {
    const client = await shopClient();
    const emptyBody = bodyOnly(client.secret, "");
    const headers = { "x-shopify-hmac-sha256": emptyBody, "x-shopify-shop-domain": client.shop };
    const job = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    const attempts = [
      ["GET", "/v1/credits"],
      ["GET", "/v1/jobs"],
      ["GET", "/v1/webhooks/endpoints"],
      ["DELETE", "/v1/webhooks/endpoints/01KDVDNA00ZKRRMS30Q0DXB47N"],
      ["POST", `/v1/jobs/${job.body.job_id}/cancel`],
    ] as const;
    const statuses = [];
    for (const [method, path] of attempts) {
      statuses.push((await callApi(runtime, method, path, { headers })).status);
    }
    expect(statuses).toEqual(attempts.map(() => 401));
    const still = await callApi(runtime, "GET", `/v1/jobs/${job.body.job_id}`, {
      key: client.api_key,
    });
    expect(still.body.status).toBe("NOT_STARTED");
  });

  it("replay: a captured dispatch sent again — verbatim, or with a fresh event id after the window — charges nothing", async () => {
    const client = await shopClient(100);
    const raw = JSON.stringify(validSpec({ color: "burgundy" }));
    const event = { id: randomUUID(), at: new Date().toISOString() };
    const first = await callApi(
      runtime,
      "POST",
      "/v1/complementary-garment-generator",
      signedDispatch(client, raw, event),
    );
    expect(first.status).toBe(202);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(95);

    const verbatim = await callApi(
      runtime,
      "POST",
      "/v1/complementary-garment-generator",
      signedDispatch(client, raw, event),
    );
    expect(verbatim.status).toBeGreaterThanOrEqual(400);
    expect(verbatim.status).toBeLessThan(500);

    // A request captured ten minutes ago: its signed timestamp is outside the window.
    const stale = signedDispatch(client, raw, {
      id: randomUUID(),
      at: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    const late = await callApi(runtime, "POST", "/v1/complementary-garment-generator", stale);
    expect(late.status).toBe(401);
    // Re-stamping it without the secret breaks the signature.
    const restamped = {
      ...stale,
      headers: { ...stale.headers, "x-shopify-triggered-at": new Date().toISOString() },
    };
    expect(
      (await callApi(runtime, "POST", "/v1/complementary-garment-generator", restamped)).status,
    ).toBe(401);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(95);
  });

  it("HMAC storm: without a shop domain nothing is tried, and a shop holds at most three secrets", async () => {
    const client = await shopClient(100);
    const raw = JSON.stringify(validSpec());
    const signed = signedDispatch(client, raw);
    const { "x-shopify-shop-domain": _shop, ...withoutShop } = signed.headers;
    const bodySigned = { ...withoutShop, "x-shopify-hmac-sha256": bodyOnly(client.secret, raw) };
    for (const headers of [withoutShop, bodySigned]) {
      const answer = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        rawBody: raw,
        headers,
      });
      expect(answer.status).toBe(401);
    }
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(100);

    // Each secret of the shop costs one HMAC per request: their number is bounded.
    const extra = () =>
      createShopifyCredential(runtime.db, {
        clientId: client.client_id,
        mode: "live",
        capabilities: ["jobs:create"],
        shopDomain: client.shop,
      });
    await extra();
    await extra();
    await expect(extra()).rejects.toThrow(/at most 3/);
  });

  it("revocation: `cli shopify revoke` ends a leaked secret at once", async () => {
    const client = await shopClient(100);
    const revoke = COMMANDS.find((command) => command.name === "shopify revoke");
    expect(revoke).toBeDefined();
    await revoke!.run(runtime.db, { credential: client.credentialId });
    const raw = JSON.stringify(validSpec());
    const answer = await callApi(
      runtime,
      "POST",
      "/v1/complementary-garment-generator",
      signedDispatch(client, raw),
    );
    expect(answer.status).toBe(401);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(100);
  });
});
