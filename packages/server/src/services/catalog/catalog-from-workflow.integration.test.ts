import { testDatabaseKinds } from "@garment/db";
import { CatalogEntryListResponse, CatalogEntryResponse } from "@garment/schemas";
import { findCategory } from "@garment/styling";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { T_SHIRT } from "../../../test/catalog-fixture";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { handleV1Request } from "../../rest/router";

// The catalog reads against entries written by the real workflow (not a fixture): what the
// complete step stores must be what the contract's CatalogEntryResponse promises.
describe.each(testDatabaseKinds())("catalog of generated garments on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("lists, reads and checks the complement a finished job put in the catalog", async () => {
    const client = await createTestClient(runtime, 20);
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ resolution: "0.5K", metadata: { sku: "TS-1" } }),
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    const job = await callApi(runtime, "GET", `/v1/jobs/${accepted.body.job_id}`, {
      key: client.api_key,
    });
    expect(job.body.status).toBe("SUCCESS");

    const list = await callApi(
      runtime,
      "GET",
      `/v1/catalog/complementary-garments?compatible_with_category_id=${T_SHIRT}`,
      { key: client.api_key },
    );
    expect(list.status).toBe(200);
    const [entry] = CatalogEntryListResponse.parse(list.body);
    expect(list.body).toHaveLength(1);
    expect(entry).toMatchObject({
      status: "active",
      generation_job_public_id: accepted.body.job_id,
      spec: { metadata: { sku: "TS-1" } },
    });
    if (!entry) throw new Error("no entry");
    expect(entry.spec.public_id).toBe(entry.public_id);
    expect(entry.description.length).toBeGreaterThan(10);

    // The complement's own slot is never compatible with itself.
    const complementCategory = findCategory(entry.spec.garment_category_public_id);
    expect(complementCategory).toBeDefined();
    const sameSlot = await callApi(
      runtime,
      "GET",
      `/v1/catalog/complementary-garments?compatible_with_category_id=${entry.spec.garment_category_public_id}`,
      { key: client.api_key },
    );
    expect(sameSlot.body).toEqual([]);

    const one = await callApi(
      runtime,
      "GET",
      `/v1/catalog/complementary-garments/${entry.public_id}`,
      { key: client.api_key },
    );
    expect(CatalogEntryResponse.parse(one.body).public_id).toBe(entry.public_id);
    const image = await handleV1Request(
      runtime,
      new Request(`http://studio.test${entry.image_url}`),
    );
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");

    const check = await callApi(runtime, "POST", "/v1/compatibility/check", {
      key: client.api_key,
      body: {
        product_garment_category_public_id: T_SHIRT,
        candidate_complementary_image_public_ids: [entry.public_id],
      },
    });
    expect(check.body.results).toEqual([
      { public_id: entry.public_id, compatible: true, reason: expect.any(String) },
    ]);
  });
});
