import { testDatabaseKinds } from "@garment/db";
import {
  CatalogEntryListResponse,
  CatalogEntryResponse,
  CompatibilityCheckResponse,
  GarmentCategoryListResponse,
  GarmentCategoryResponse,
  ImageModelListResponse,
  SpecVocabularyResponse,
} from "@garment/schemas";
import { GARMENT_CATEGORIES } from "@garment/styling";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  type TestRuntime,
} from "../../../test/harness";
import {
  aCatalogEntry,
  BLAZER,
  DRESS,
  JEANS,
  SHIRT,
  SNEAKERS,
  T_SHIRT,
  UNKNOWN_CATEGORY,
} from "../../../test/catalog-fixture";
import { createApiKey } from "../clients/api-keys";

describe.each(testDatabaseKinds())("catalog and styling reads on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  describe("GET /v1/garment-categories", () => {
    it("lists the seeded taxonomy in display order with the slots each pairs with", async () => {
      const client = await createTestClient(runtime, 0);
      const res = await callApi(runtime, "GET", "/v1/garment-categories", {
        key: client.api_key,
      });
      expect(res.status).toBe(200);
      const body = GarmentCategoryListResponse.parse(res.body);
      expect(body.garment_categories.map((c) => c.public_id)).toEqual(
        GARMENT_CATEGORIES.map((c) => c.publicId),
      );
      expect(body.garment_categories.find((c) => c.public_id === DRESS)).toEqual({
        public_id: DRESS,
        slug: "dress",
        name: "Dress",
        slot: "one_piece",
        silhouette: "dress",
        compatible_slots: ["outerwear", "footwear", "accessory"],
      });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      const log = await runtime.db.requestLog.findUniqueOrThrow({
        where: { id: res.headers.get("x-request-id") ?? "" },
      });
      expect(log).toMatchObject({
        clientId: client.client_id,
        path: "/v1/garment-categories",
        statusCode: 200,
        creditsMoved: 0,
      });
    });

    it("reads one category, and answers 404 RESOURCE_NOT_FOUND for an unknown id", async () => {
      const client = await createTestClient(runtime, 0);
      const one = await callApi(runtime, "GET", `/v1/garment-categories/${T_SHIRT}`, {
        key: client.api_key,
      });
      expect(one.status).toBe(200);
      expect(GarmentCategoryResponse.parse(one.body)).toMatchObject({
        public_id: T_SHIRT,
        slot: "top",
        compatible_slots: ["bottom", "outerwear", "footwear", "accessory"],
      });
      for (const id of [UNKNOWN_CATEGORY, "not-a-ulid"]) {
        const missing = await callApi(runtime, "GET", `/v1/garment-categories/${id}`, {
          key: client.api_key,
        });
        expect(missing.status).toBe(404);
        expect(missing.body.error).toMatchObject({
          code: "RESOURCE_NOT_FOUND",
          request_id: missing.headers.get("x-request-id"),
        });
      }
    });

    it("needs an API key with jobs:read", async () => {
      const client = await createTestClient(runtime, 0);
      const anonymous = await callApi(runtime, "GET", "/v1/garment-categories");
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("UNAUTHENTICATED");
      const createOnly = await createApiKey(runtime.db, {
        clientId: client.client_id,
        capabilities: ["jobs:create"],
      });
      for (const path of [
        "/v1/garment-categories",
        `/v1/garment-categories/${T_SHIRT}`,
        "/v1/spec-vocabulary",
        "/v1/image-models",
        "/v1/catalog/complementary-garments",
      ]) {
        const res = await callApi(runtime, "GET", path, { key: createOnly.api_key });
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
      const check = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: createOnly.api_key,
        body: { product_garment_category_public_id: T_SHIRT },
      });
      expect(check.status).toBe(403);
    });
  });

  it("GET /v1/spec-vocabulary serves {value, description} lists the engine understands", async () => {
    const client = await createTestClient(runtime, 0);
    const res = await callApi(runtime, "GET", "/v1/spec-vocabulary", { key: client.test_api_key });
    expect(res.status).toBe(200);
    const body = SpecVocabularyResponse.parse(res.body);
    expect(Object.keys(res.body)).toEqual(["materials", "patterns", "lengths", "fits"]);
    for (const list of [body.materials, body.patterns, body.lengths, body.fits]) {
      expect(list.length).toBeGreaterThan(2);
      for (const entry of list) {
        expect(entry.value).not.toBe("");
        expect(entry.description).not.toBe("");
      }
    }
    expect(body.materials.map((m) => m.value)).toEqual(
      expect.arrayContaining(["denim", "linen", "leather"]),
    );
    expect(body.patterns.map((p) => p.value)).toEqual(expect.arrayContaining(["solid"]));
    expect(body.fits.map((f) => f.value)).toEqual(["slim", "regular", "loose"]);
  });

  it("GET /v1/image-models lists every model, which one is available and the default", async () => {
    const client = await createTestClient(runtime, 0);
    const res = await callApi(runtime, "GET", "/v1/image-models", { key: client.api_key });
    expect(res.status).toBe(200);
    const { image_models: models } = ImageModelListResponse.parse(res.body);
    expect(models.length).toBeGreaterThanOrEqual(4);
    expect(models[0]).toEqual({
      id: "builtin-flatlay",
      display_name: expect.any(String),
      kind: "builtin",
      available: true,
      default: true,
      supports: {
        resolutions: ["0.5K", "1K", "2K", "4K"],
        aspect_ratios: expect.arrayContaining(["1:1", "16:9", "21:9"]),
        deterministic_seed: true,
      },
    });
    // No hosted keys are configured in tests: hosted models are listed but unavailable.
    const hosted = models.filter((m) => m.kind === "hosted");
    expect(hosted.length).toBeGreaterThanOrEqual(3);
    expect(hosted.every((m) => !m.available && !m.default)).toBe(true);
  });

  describe("GET /v1/catalog/complementary-garments", () => {
    it("lists the caller's entries newest first, paged by limit/offset with the total in X-Total-Count", async () => {
      const client = await createTestClient(runtime, 0);
      const base = Date.now() - 60_000;
      const older = await aCatalogEntry(runtime, client.client_id, {
        garmentCategoryId: JEANS,
        createdAt: new Date(base),
      });
      const newer = await aCatalogEntry(runtime, client.client_id, {
        garmentCategoryId: BLAZER,
        createdAt: new Date(base + 1000),
      });
      const res = await callApi(runtime, "GET", "/v1/catalog/complementary-garments", {
        key: client.api_key,
      });
      expect(res.status).toBe(200);
      const list = CatalogEntryListResponse.parse(res.body);
      expect(list.map((e) => e.public_id)).toEqual([newer.id, older.id]);
      expect(res.headers.get("x-total-count")).toBe("2");
      expect(list[1]).toEqual({
        public_id: older.id,
        image_url: expect.stringMatching(
          new RegExp(`^/v1/artifacts/${older.artifactId}/image\\?expires=\\d+&signature=`),
        ),
        status: "active",
        spec: older.spec,
        description: "Camel wool trousers, slim.",
        generation_job_public_id: older.jobId,
        created_at: new Date(base).toISOString(),
      });

      const page2 = await callApi(
        runtime,
        "GET",
        "/v1/catalog/complementary-garments?limit=1&offset=1",
        { key: client.api_key },
      );
      expect(page2.body.map((e: { public_id: string }) => e.public_id)).toEqual([older.id]);
      expect(page2.headers.get("x-total-count")).toBe("2");
    });

    it("filters by compatible_with_category_id (category to category) and by status", async () => {
      const client = await createTestClient(runtime, 0);
      const jeans = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: JEANS });
      const shirt = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: SHIRT });
      const sneakers = await aCatalogEntry(runtime, client.client_id, {
        garmentCategoryId: SNEAKERS,
        status: "archived",
      });
      const ids = async (query: string) => {
        const res = await callApi(runtime, "GET", `/v1/catalog/complementary-garments${query}`, {
          key: client.api_key,
        });
        expect(res.status, query).toBe(200);
        return new Set(res.body.map((e: { public_id: string }) => e.public_id));
      };
      // With a T-shirt: jeans and sneakers, never a second top.
      expect(await ids(`?compatible_with_category_id=${T_SHIRT}`)).toEqual(
        new Set([jeans.id, sneakers.id]),
      );
      // With a dress (a one-piece replaces top and bottom): only the sneakers.
      expect(await ids(`?compatible_with_category_id=${DRESS}`)).toEqual(new Set([sneakers.id]));
      expect(await ids("?status=active")).toEqual(new Set([jeans.id, shirt.id]));
      expect(await ids(`?status=archived&compatible_with_category_id=${JEANS}`)).toEqual(
        new Set([sneakers.id]),
      );
      // Filters of other catalog resources are ignored, as the original does.
      expect((await ids("?gender=FEMALE")).size).toBe(3);
    });

    it("answers 422 with query detail for an unknown category filter and bad paging", async () => {
      const client = await createTestClient(runtime, 0);
      const unknown = await callApi(
        runtime,
        "GET",
        `/v1/catalog/complementary-garments?compatible_with_category_id=${UNKNOWN_CATEGORY}`,
        { key: client.api_key },
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.code).toBe("VALIDATION_ERROR");
      expect(unknown.body.detail).toEqual([
        {
          loc: ["query", "compatible_with_category_id"],
          msg: expect.stringContaining("unknown garment category"),
          type: "value_error",
        },
      ]);
      const bad = await callApi(
        runtime,
        "GET",
        "/v1/catalog/complementary-garments?limit=0&offset=-1&status=deleted",
        { key: client.api_key },
      );
      expect(bad.status).toBe(422);
      expect(bad.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual([
        "query.status",
        "query.limit",
        "query.offset",
      ]);
    });

    it("reads one entry; another client's entry, or a live entry seen with a test key, is 404", async () => {
      const owner = await createTestClient(runtime, 0, "Owner");
      const stranger = await createTestClient(runtime, 0, "Stranger");
      const entry = await aCatalogEntry(runtime, owner.client_id, { garmentCategoryId: JEANS });
      const own = await callApi(runtime, "GET", `/v1/catalog/complementary-garments/${entry.id}`, {
        key: owner.api_key,
      });
      expect(own.status).toBe(200);
      expect(CatalogEntryResponse.parse(own.body)).toMatchObject({
        public_id: entry.id,
        generation_job_public_id: entry.jobId,
      });
      for (const key of [stranger.api_key, owner.test_api_key]) {
        const res = await callApi(
          runtime,
          "GET",
          `/v1/catalog/complementary-garments/${entry.id}`,
          {
            key,
          },
        );
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("RESOURCE_NOT_FOUND");
        const list = await callApi(runtime, "GET", "/v1/catalog/complementary-garments", { key });
        expect(list.body).toEqual([]);
        expect(list.headers.get("x-total-count")).toBe("0");
      }
    });
  });

  describe("POST /v1/compatibility/check", () => {
    it("answers per candidate in request order; unknown or foreign candidates are catalog_ref_missing", async () => {
      const client = await createTestClient(runtime, 0);
      const stranger = await createTestClient(runtime, 0, "Stranger");
      const jeans = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: JEANS });
      const shirt = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: SHIRT });
      const foreign = await aCatalogEntry(runtime, stranger.client_id, {
        garmentCategoryId: JEANS,
      });
      const unknown = ulid();
      const res = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        body: {
          product_garment_category_public_id: T_SHIRT,
          candidate_complementary_image_public_ids: [
            shirt.id,
            unknown,
            jeans.id,
            foreign.id,
            jeans.id,
          ],
          ignored_field: true,
        },
      });
      expect(res.status).toBe(200);
      const body = CompatibilityCheckResponse.parse(res.body);
      expect(body.product_garment_category_public_id).toBe(T_SHIRT);
      expect(body.results.map((r) => [r.public_id, r.compatible])).toEqual([
        [shirt.id, false],
        [unknown, false],
        [jeans.id, true],
        [foreign.id, false],
        [jeans.id, true],
      ]);
      expect(body.results[0]?.reason).toMatch(/^same_slot/);
      expect(body.results[1]?.reason).toBe("catalog_ref_missing");
      expect(body.results[2]?.reason).toMatch(/^compatible_slots/);
      expect(body.results[3]?.reason).toBe("catalog_ref_missing");

      const withDress = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        body: {
          product_garment_category_public_id: DRESS,
          candidate_complementary_image_public_ids: [jeans.id],
        },
      });
      expect(withDress.body.results).toEqual([
        { public_id: jeans.id, compatible: false, reason: expect.stringMatching(/^slot_conflict/) },
      ]);
      const empty = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        body: { product_garment_category_public_id: T_SHIRT },
      });
      expect(empty.body).toEqual({ product_garment_category_public_id: T_SHIRT, results: [] });
    });

    it("answers 404 RESOURCE_NOT_FOUND for an unknown product category", async () => {
      const client = await createTestClient(runtime, 0);
      const res = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        body: {
          product_garment_category_public_id: UNKNOWN_CATEGORY,
          candidate_complementary_image_public_ids: [ulid()],
        },
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("RESOURCE_NOT_FOUND");
    });

    it("answers 422 with body detail for a bad body, and json_invalid for malformed JSON", async () => {
      const client = await createTestClient(runtime, 0);
      const missing = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        body: { candidate_complementary_image_public_ids: "not-a-list" },
      });
      expect(missing.status).toBe(422);
      expect(missing.body.error.code).toBe("VALIDATION_ERROR");
      expect(
        missing.body.detail.map((d: { loc: string[]; type: string }) => [d.loc.join("."), d.type]),
      ).toEqual([
        ["body.product_garment_category_public_id", "missing"],
        ["body.candidate_complementary_image_public_ids", expect.any(String)],
      ]);
      const malformed = await callApi(runtime, "POST", "/v1/compatibility/check", {
        key: client.api_key,
        rawBody: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(malformed.status).toBe(422);
      expect(malformed.body.detail[0].type).toBe("json_invalid");
      const log = await runtime.db.requestLog.findUniqueOrThrow({
        where: { id: malformed.headers.get("x-request-id") ?? "" },
      });
      expect(log).toMatchObject({ statusCode: 422, errorCode: "VALIDATION_ERROR" });
    });
  });
});
