import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { getBalance, ledgerSum } from "../credits/balance";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5" } as const;

describe.each(testDatabaseKinds())("a batch on the embedded runner on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("runs every row to a result, with counts and image links in the batch", async () => {
    const client = await createTestClient(runtime, 100);
    const items = ["navy", "camel", "ecru"].map((color, row) => ({
      ...validSpec({ ...SMALL, color, seed: row }),
      sku: `SKU-${row}`,
    }));
    const accepted = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items },
    });
    expect(accepted.status).toBe(202);
    await settle(runtime);
    const batch = await callApi(runtime, "GET", `/v1/batches/${accepted.body.batch_id}`, {
      key: client.api_key,
    });
    expect(batch.body.counts).toEqual({ NOT_STARTED: 0, IN_PROGRESS: 0, SUCCESS: 3, FAILURE: 0 });
    for (const job of batch.body.jobs as { image_url: string | null }[])
      expect(job.image_url).toMatch(/^\/v1\/artifacts\/[0-9A-Z]{26}\/image\?/);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(85);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(85);
  }, 120_000);
});
