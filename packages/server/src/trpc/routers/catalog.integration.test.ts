import { testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aCatalogEntry,
  DRESS,
  JEANS,
  SHIRT,
  T_SHIRT,
  UNKNOWN_CATEGORY,
} from "../../../test/catalog-fixture";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  type TestRuntime,
} from "../../../test/harness";
import { handleTrpcRequest } from "../handler";
import type { AppRouter } from "../root";

function clientFor(runtime: TestRuntime, key: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://studio.test/api/trpc",
        headers: { authorization: `Bearer ${key}` },
        fetch: (url, init) =>
          handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
      }),
    ],
  });
}

type ApiErrorData = { code: string; api: { code: string; detail?: { loc: string[] }[] } };
const apiError = (error: unknown) => {
  expect(error).toBeInstanceOf(TRPCClientError);
  return (error as TRPCClientError<AppRouter>).data as ApiErrorData;
};

describe.each(testDatabaseKinds())("tRPC reference and catalog reads on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("serves the same categories, vocabulary and image models as REST", async () => {
    const client = await createTestClient(runtime, 0);
    const trpc = clientFor(runtime, client.api_key);
    for (const [viaTrpc, path] of [
      [await trpc.reference.garmentCategories.query(), "/v1/garment-categories"],
      [await trpc.reference.specVocabulary.query(), "/v1/spec-vocabulary"],
      [await trpc.reference.imageModels.query(), "/v1/image-models"],
      [
        await trpc.reference.garmentCategory.query({ public_id: DRESS }),
        `/v1/garment-categories/${DRESS}`,
      ],
    ] as const) {
      const viaRest = await callApi(runtime, "GET", path, { key: client.api_key });
      expect(viaTrpc, path).toEqual(viaRest.body);
    }
    const missing = await trpc.reference.garmentCategory
      .query({ public_id: UNKNOWN_CATEGORY })
      .catch((e: unknown) => e);
    expect(apiError(missing)).toMatchObject({
      code: "NOT_FOUND",
      api: { code: "RESOURCE_NOT_FOUND" },
    });
  });

  it("lists the catalog with paging and the compatibility filter, and reads one entry", async () => {
    const client = await createTestClient(runtime, 0);
    const trpc = clientFor(runtime, client.api_key);
    const jeans = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: JEANS });
    const shirt = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: SHIRT });
    const page = await trpc.catalog.complementaryGarments.query({
      compatible_with_category_id: T_SHIRT,
      limit: 10,
    });
    expect(page).toMatchObject({ limit: 10, offset: 0, count: 1 });
    expect(page.complementary_garments.map((e) => e.public_id)).toEqual([jeans.id]);
    const all = await trpc.catalog.complementaryGarments.query({});
    expect(all.count).toBe(2);
    expect(await trpc.catalog.complementaryGarment.query({ public_id: shirt.id })).toMatchObject({
      public_id: shirt.id,
      spec: { garment_category_public_id: SHIRT },
    });
    const stranger = clientFor(runtime, (await createTestClient(runtime, 0, "Stranger")).api_key);
    const hidden = await stranger.catalog.complementaryGarment
      .query({ public_id: shirt.id })
      .catch((e: unknown) => e);
    expect(apiError(hidden).api.code).toBe("RESOURCE_NOT_FOUND");
    const unknownFilter = await trpc.catalog.complementaryGarments
      .query({ compatible_with_category_id: UNKNOWN_CATEGORY })
      .catch((e: unknown) => e);
    expect(apiError(unknownFilter).api).toMatchObject({
      code: "VALIDATION_ERROR",
      detail: [{ loc: ["query", "compatible_with_category_id"] }],
    });
  });

  it("checks compatibility like REST: in order, catalog_ref_missing inside, 404 for the product", async () => {
    const client = await createTestClient(runtime, 0);
    const trpc = clientFor(runtime, client.api_key);
    const jeans = await aCatalogEntry(runtime, client.client_id, { garmentCategoryId: JEANS });
    const unknown = ulid();
    const result = await trpc.catalog.checkCompatibility.query({
      product_garment_category_public_id: T_SHIRT,
      candidate_complementary_image_public_ids: [unknown, jeans.id],
    });
    expect(result.results).toEqual([
      { public_id: unknown, compatible: false, reason: "catalog_ref_missing" },
      { public_id: jeans.id, compatible: true, reason: expect.stringMatching(/^compatible_slots/) },
    ]);
    const notFound = await trpc.catalog.checkCompatibility
      .query({ product_garment_category_public_id: UNKNOWN_CATEGORY })
      .catch((e: unknown) => e);
    expect(apiError(notFound)).toMatchObject({
      code: "NOT_FOUND",
      api: { code: "RESOURCE_NOT_FOUND" },
    });
    const invalid = await trpc.catalog.checkCompatibility
      .query({ candidate_complementary_image_public_ids: [] } as never)
      .catch((e: unknown) => e);
    expect(apiError(invalid).api).toMatchObject({
      code: "VALIDATION_ERROR",
      detail: [{ loc: ["body", "product_garment_category_public_id"] }],
    });
  });
});
