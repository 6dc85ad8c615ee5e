import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import {
  createShopifyCredential,
  revokeShopifyCredential,
  shopifySignature,
} from "../auth/shopify";
import { apiSettings } from "../config/api-settings";
import { createApiKey } from "../services/clients/api-keys";
import { getBalance } from "../services/credits/balance";

// Webhook endpoint registration, usage, Shopify HMAC auth and the limits, over the REST edge.
describe.each(testDatabaseKinds())("account API on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });
  beforeEach(() => {
    // Each test starts from the defaults (production-safe: private webhook URLs refused).
    Object.assign(runtime.settings, apiSettings());
  });

  describe("webhook endpoints", () => {
    it("registers, lists without secrets, and deletes; other clients see 404", async () => {
      runtime.settings.webhooks.allowPrivateUrls = true;
      const client = await createTestClient(runtime);
      const created = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        body: { url: "http://127.0.0.1:9/hooks", description: "ERP" },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toBe(
        `/v1/webhooks/endpoints/${created.body.public_id}`,
      );
      expect(created.body).toMatchObject({
        url: "http://127.0.0.1:9/hooks",
        description: "ERP",
        enabled: true,
        secret: expect.stringMatching(/^whsec_/),
      });

      const listed = await callApi(runtime, "GET", "/v1/webhooks/endpoints", {
        key: client.api_key,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.endpoints).toEqual([
        {
          public_id: created.body.public_id,
          url: "http://127.0.0.1:9/hooks",
          description: "ERP",
          enabled: true,
          created_at: expect.any(String),
        },
      ]);
      // Test-mode keys see test-mode endpoints only.
      const testList = await callApi(runtime, "GET", "/v1/webhooks/endpoints", {
        key: client.test_api_key,
      });
      expect(testList.body.endpoints).toEqual([]);

      const other = await createTestClient(runtime, 10, "Other");
      const path = `/v1/webhooks/endpoints/${created.body.public_id}`;
      const foreign = await callApi(runtime, "DELETE", path, { key: other.api_key });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("RESOURCE_NOT_FOUND");

      const deliveries = await callApi(runtime, "GET", `${path}/deliveries`, {
        key: client.api_key,
      });
      expect(deliveries.status).toBe(200);
      expect(deliveries.body).toEqual({
        deliveries: [],
        limit: 50,
        offset: 0,
        count: 0,
        next_cursor: null,
      });
      const foreignLog = await callApi(runtime, "GET", `${path}/deliveries`, {
        key: other.api_key,
      });
      expect(foreignLog.status).toBe(404);

      const deleted = await callApi(runtime, "DELETE", path, { key: client.api_key });
      expect(deleted.status).toBe(200);
      expect(deleted.body.enabled).toBe(false);
      expect((await callApi(runtime, "DELETE", path, { key: client.api_key })).status).toBe(404);
      const after = await callApi(runtime, "GET", "/v1/webhooks/endpoints", {
        key: client.api_key,
      });
      expect(after.body.endpoints).toEqual([]);
    });

    it("refuses private and loopback URLs unless the setting allows them", async () => {
      const client = await createTestClient(runtime);
      for (const url of [
        "http://127.0.0.1:3000/hooks",
        "http://localhost/hooks",
        "http://[::1]/hooks",
        "http://10.0.0.8/hooks",
        "http://169.254.169.254/latest",
      ]) {
        const refused = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
          key: client.api_key,
          body: { url },
        });
        expect(refused.status).toBe(422);
        expect(refused.body.detail[0]).toMatchObject({ loc: ["body", "url"], type: "value_error" });
        expect(refused.body.error.code).toBe("VALIDATION_ERROR");
      }
      runtime.settings.webhooks.allowPrivateUrls = true;
      const allowed = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        body: { url: "http://127.0.0.1:3000/hooks" },
      });
      expect(allowed.status).toBe(201);
    });

    it("answers bad input and missing rights with the contract's errors", async () => {
      const client = await createTestClient(runtime);
      const cases: [unknown, string | undefined][] = [
        [{}, "missing"],
        [{ url: 42 }, "string_type"],
        [{ url: "ftp://example.com/x" }, undefined],
        [{ url: "not a url" }, undefined],
      ];
      for (const [body, type] of cases) {
        const answer = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
          key: client.api_key,
          body,
        });
        expect(answer.status).toBe(422);
        expect(answer.body.detail[0]).toMatchObject({
          loc: ["body", "url"],
          ...(type ? { type } : {}),
        });
      }
      const malformed = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        rawBody: "{nope",
        headers: { "content-type": "application/json" },
      });
      expect(malformed.status).toBe(422);
      expect(malformed.body.detail[0].type).toBe("json_invalid");

      expect((await callApi(runtime, "GET", "/v1/webhooks/endpoints")).status).toBe(401);
      const readOnly = await createApiKey(runtime.db, {
        clientId: client.client_id,
        capabilities: ["jobs:read"],
      });
      const forbidden = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: readOnly.api_key,
        body: { url: "https://example.com/h" },
      });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe("FORBIDDEN");
    });
  });

  it("serves the OpenAPI document without a key, pointed at this origin", async () => {
    const answer = await callApi(runtime, "GET", "/v1/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      openapi: "3.1.0",
      servers: [{ url: "http://studio.test" }],
    });
    expect(Object.keys(answer.body.paths)).toContain("/v1/usage");
  });

  it("points the OpenAPI document at STUDIO_PUBLIC_URL when one is set, whatever origin the request came to", async () => {
    const behindProxy = await createTestRuntime(kind, {
      publicOrigin: "https://studio.example.com",
    });
    try {
      const answer = await callApi(behindProxy, "GET", "/v1/openapi.json");
      expect(answer.body.servers).toEqual([{ url: "https://studio.example.com" }]);
    } finally {
      await behindProxy.close();
    }
  });

  describe("GET /v1/usage", () => {
    it("pages the caller's own request log, newest first, in its key's mode", async () => {
      const client = await createTestClient(runtime, 100);
      const other = await createTestClient(runtime, 100, "Other");
      await callApi(runtime, "GET", "/v1/credits", { key: other.api_key });
      const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec(),
      });
      expect(accepted.status).toBe(202);
      await callApi(runtime, "GET", "/v1/jobs/01KDVDNA00ZKRRMS30Q0DXB47N", { key: client.api_key });
      await callApi(runtime, "GET", "/v1/credits", { key: client.test_api_key });

      const page = await callApi(runtime, "GET", "/v1/usage?limit=2", { key: client.api_key });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ limit: 2, offset: 0, count: 2 });
      expect(page.body.usage[0]).toMatchObject({
        method: "GET",
        path: "/v1/jobs/01KDVDNA00ZKRRMS30Q0DXB47N",
        status_code: 404,
        error_code: "JOB_NOT_FOUND",
        transport: "rest",
        credits_moved: 0,
      });
      expect(page.body.usage[1]).toMatchObject({
        request_id: accepted.body.request_id,
        method: "POST",
        path: "/v1/complementary-garment-generator",
        status_code: 202,
        credits_moved: -5,
        error_code: null,
      });
      const next = await callApi(runtime, "GET", "/v1/usage?limit=2&offset=2", {
        key: client.api_key,
      });
      // Page 2: the first page's own call came first, then the 404; the dispatch is next. The
      // other client's and the test key's calls are not in this log.
      expect(next.body.usage.map((row: { path: string }) => row.path)).toEqual([
        "/v1/complementary-garment-generator",
      ]);
      const all = await callApi(runtime, "GET", "/v1/usage?limit=200", { key: client.api_key });
      expect(all.body.usage.map((row: { path: string }) => row.path)).toEqual([
        "/v1/usage",
        "/v1/usage",
        "/v1/jobs/01KDVDNA00ZKRRMS30Q0DXB47N",
        "/v1/complementary-garment-generator",
      ]);
      const testMode = await callApi(runtime, "GET", "/v1/usage", { key: client.test_api_key });
      expect(testMode.body.usage.map((row: { path: string }) => row.path)).toEqual(["/v1/credits"]);

      const bad = await callApi(runtime, "GET", "/v1/usage?limit=0&offset=-1", {
        key: client.api_key,
      });
      expect(bad.status).toBe(422);
      expect(bad.body.detail.map((d: { loc: unknown[] }) => d.loc)).toEqual([
        ["query", "limit"],
        ["query", "offset"],
      ]);
      expect((await callApi(runtime, "GET", "/v1/usage")).status).toBe(401);
    });
  });

  describe("X-Shopify-Hmac-Sha256", () => {
    /** Headers of a dispatch signed as the contract says, for one shop's secret. */
    function signedHeaders(
      secret: string,
      raw: string,
      shop = "boutique.myshopify.com",
      event = { webhookId: randomUUID(), triggeredAt: new Date().toISOString() },
    ) {
      return {
        "content-type": "application/json",
        "x-shopify-hmac-sha256": shopifySignature(secret, event, raw),
        "x-shopify-shop-domain": shop,
        "x-shopify-webhook-id": event.webhookId,
        "x-shopify-triggered-at": event.triggeredAt,
      };
    }

    it("authenticates a dispatch signed with the shop's secret, once, and nothing else", async () => {
      const client = await createTestClient(runtime, 100);
      const { secret } = await createShopifyCredential(runtime.db, {
        clientId: client.client_id,
        mode: "live",
        capabilities: ["jobs:create", "jobs:read"],
        shopDomain: "Boutique.myshopify.com",
      });
      const body = JSON.stringify(validSpec({ color: "burgundy" }));
      const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        rawBody: body,
        headers: signedHeaders(secret, body),
      });
      expect(accepted.status).toBe(202);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(95);

      // The same event id again is a replay: 409, nothing charged.
      const event = { webhookId: randomUUID(), triggeredAt: new Date().toISOString() };
      const once = signedHeaders(secret, body, "boutique.myshopify.com", event);
      expect(
        (
          await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
            rawBody: body,
            headers: once,
          })
        ).status,
      ).toBe(202);
      const again = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        rawBody: body,
        headers: once,
      });
      expect(again.status).toBe(409);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(90);

      // One changed byte, a digest from another secret, garbage, the wrong shop, a missing
      // event id: 401, no charge. And no other endpoint accepts the signature.
      const bad = [
        { rawBody: body.replace("burgundy", "navy"), headers: signedHeaders(secret, body) },
        { rawBody: body, headers: signedHeaders("other-secret", body) },
        {
          rawBody: body,
          headers: { ...signedHeaders(secret, body), "x-shopify-hmac-sha256": "not base64!" },
        },
        {
          rawBody: body,
          headers: signedHeaders(secret, body, "elsewhere.myshopify.com"),
        },
        {
          rawBody: body,
          headers: { ...signedHeaders(secret, body), "x-shopify-webhook-id": "" },
        },
      ];
      for (const request of bad) {
        const answer = await callApi(
          runtime,
          "POST",
          "/v1/complementary-garment-generator",
          request,
        );
        expect(answer.status).toBe(401);
        expect(answer.body.error.code).toBe("UNAUTHENTICATED");
      }
      const elsewhere = await callApi(runtime, "GET", "/v1/credits", {
        headers: signedHeaders(secret, ""),
      });
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.body.error.message).toMatch(/only on POST/);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(90);

      // The request log names the client.
      const log = await runtime.db.requestLog.findUniqueOrThrow({
        where: { id: accepted.body.request_id },
      });
      expect(log.clientId).toBe(client.client_id);
    });

    it("carries only the Shopify credential's capabilities and refuses a revoked one", async () => {
      const client = await createTestClient(runtime, 100);
      const readOnly = await createShopifyCredential(runtime.db, {
        clientId: client.client_id,
        mode: "live",
        capabilities: ["jobs:read"],
        shopDomain: "read-only.myshopify.com",
      });
      const body = JSON.stringify(validSpec());
      const forbidden = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        rawBody: body,
        headers: signedHeaders(readOnly.secret, body, "read-only.myshopify.com"),
      });
      expect(forbidden.status).toBe(403);
      await revokeShopifyCredential(runtime.db, readOnly.id);
      const revoked = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        rawBody: body,
        headers: signedHeaders(readOnly.secret, body, "read-only.myshopify.com"),
      });
      expect(revoked.status).toBe(401);
    });
  });

  describe("limits", () => {
    it("rate-limits per credential with 429 RATE_LIMITED and Retry-After, logging the refusal", async () => {
      runtime.settings.rateLimit = { requests: 2, windowMs: 60_000 };
      const client = await createTestClient(runtime);
      const second = await createApiKey(runtime.db, { clientId: client.client_id });
      for (let i = 0; i < 2; i += 1) {
        expect((await callApi(runtime, "GET", "/v1/credits", { key: client.api_key })).status).toBe(
          200,
        );
      }
      const limited = await callApi(runtime, "GET", "/v1/credits", { key: client.api_key });
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({
        code: "RATE_LIMITED",
        request_id: limited.headers.get("x-request-id"),
      });
      expect(Number(limited.headers.get("retry-after"))).toBe(30);
      const log = await runtime.db.requestLog.findUniqueOrThrow({
        where: { id: limited.body.error.request_id },
      });
      expect(log).toMatchObject({
        statusCode: 429,
        errorCode: "RATE_LIMITED",
        clientId: client.client_id,
      });
      // A dispatch refused by the limit charges nothing.
      const refusedDispatch = await callApi(
        runtime,
        "POST",
        "/v1/complementary-garment-generator",
        {
          key: client.api_key,
          body: validSpec(),
        },
      );
      expect(refusedDispatch.status).toBe(429);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(100);
      // Another key of the same client has its own budget.
      expect((await callApi(runtime, "GET", "/v1/credits", { key: second.api_key })).status).toBe(
        200,
      );
      runtime.settings.rateLimit = null;
      expect((await callApi(runtime, "GET", "/v1/credits", { key: client.api_key })).status).toBe(
        200,
      );
    });

    it("refuses bodies past the configured size with 413, declared or streamed", async () => {
      runtime.settings.maxBodyBytes = 1024;
      const client = await createTestClient(runtime);
      const big = validSpec({ display_name: "x".repeat(1100) });
      const tooLarge = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: big,
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
      // A lying Content-Length does not get a larger body through.
      const streamed = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        rawBody: JSON.stringify({ url: `https://example.com/${"a".repeat(2000)}` }),
        headers: { "content-type": "application/json", "content-length": "10" },
      });
      expect(streamed.status).toBe(413);
      expect(await getBalance(runtime.db, client.client_id, "live")).toBe(100);
      runtime.settings.maxBodyBytes = 64 * 1024;
      const fits = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec({ display_name: "x".repeat(100) }),
      });
      expect(fits.status).toBe(202);
    });
  });
});
