import { openTestDatabase, testDatabaseKinds } from "@garment/db";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../test/harness";
import {
  createWorkflowTestRuntime,
  ScriptedModel,
  settle,
  type WorkflowTestRuntime,
} from "../../test/workflow-harness";
import { EXPORT_CSV_COLUMNS } from "../services/batches/export-csv";
import { handleTrpcRequest } from "../trpc/handler";
import type { AppRouter } from "../trpc/root";
import { handleV1Request } from "./router";

const SMALL = { resolution: "0.5K", aspect_ratio: "1:1", eval_enabled: false } as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe.each(testDatabaseKinds())("batch exports on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  let client: { api_key: string };
  let batchId: string;

  const get = (path: string, key?: string) =>
    handleV1Request(
      runtime,
      new Request(`http://studio.test${path}`, {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      }),
    );

  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind, {
      database: await openTestDatabase(kind),
      models: (builtin) => [new ScriptedModel("always-down", builtin, -1)],
    });
    client = await createTestClient(runtime, 100);
    const items = [
      // A formula in the sku and a name that needs quoting.
      { sku: "=SUM(A1)", display_name: 'Shirt, "navy"\nsecond line', seed: 1 },
      { sku: "Chemise été/bleu", display_name: "Chemise été", color: "camel", seed: 2 },
      // The same file name as the first row, but for case.
      { sku: "sum_a1", display_name: "+Tee", seed: 3 },
      { sku: null, display_name: "No sku", seed: 4 },
      {
        sku: "DOWN-1",
        display_name: "Never rendered",
        image_model: "always-down",
        on_technical_failure: "fail",
      },
    ].map((item) => ({ ...validSpec({ ...SMALL }), ...item }));
    const accepted = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items },
    });
    expect(accepted.status).toBe(202);
    batchId = accepted.body.batch_id;
    await settle(runtime);
  }, 180_000);

  afterAll(async () => {
    await runtime.close();
  });

  async function exportedCsv() {
    const response = await get(`/v1/batches/${batchId}/export.csv`, client.api_key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="batch-${batchId}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  }

  it("exports product → complement rows as quoted UTF-8 CSV, formula-safe, with stable image links", async () => {
    const text = await exportedCsv();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(Object.keys(records[0]!)).toEqual([...EXPORT_CSV_COLUMNS]);
    expect(records.map((r) => [r.row, r.sku, r.status])).toEqual([
      ["0", "'=SUM(A1)", "SUCCESS"],
      ["1", "Chemise été/bleu", "SUCCESS"],
      ["2", "sum_a1", "SUCCESS"],
      ["3", "", "SUCCESS"],
      ["4", "DOWN-1", "FAILURE"],
    ]);
    const [first, second, third, , failed] = records;
    expect(first!.product_name).toBe('Shirt, "navy"\nsecond line');
    expect(third!.product_name).toBe("'+Tee");
    expect(second).toMatchObject({
      product_name: "Chemise été",
      product_category: "T-shirt",
      product_color: "camel",
      product_material: "cotton",
      product_fit: "slim",
    });
    // The complement as the catalog holds it, with the engine's reasons.
    const entry = await runtime.db.catalogEntry.findFirstOrThrow({
      where: { job: { batchId, batchRow: 1 } },
    });
    const spec = entry.spec as Record<string, string>;
    expect(second).toMatchObject({
      complement_name: spec.display_name,
      complement_color: spec.color,
      complement_material: spec.material,
      complement_pattern: spec.pattern,
      complement_fit: spec.fit,
      complement_length: spec.length,
      description: entry.description,
      image_file: "Chemise_ete_bleu.png",
    });
    expect(second!.complement_category).not.toBe("");
    expect(second!.rationale?.length).toBeGreaterThan(20);
    expect(second!.image_url).toBe(`http://studio.test/v1/artifacts/${entry.artifactId}/image`);
    expect(failed).toMatchObject({
      failure_reason: "technical_failure",
      complement_name: "",
      image_url: "",
      image_file: "",
    });
    // The link does not expire: it serves the image to the owner's key, and to nobody else.
    const path = new URL(second!.image_url!).pathname;
    const image = await get(path, client.api_key);
    expect(image.status).toBe(200);
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 4)]).toEqual(PNG_SIGNATURE);
    expect((await get(path)).status).toBe(401);
  });

  it("writes the image links on STUDIO_PUBLIC_URL's origin when one is set (the app behind a proxy)", async () => {
    runtime.settings.publicOrigin = "https://studio.example.com";
    try {
      const records = parse<Record<string, string>>(await exportedCsv(), {
        bom: true,
        columns: true,
      });
      const links = records.map((r) => r.image_url).filter(Boolean);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links)
        expect(link).toMatch(/^https:\/\/studio\.example\.com\/v1\/artifacts\//);
    } finally {
      runtime.settings.publicOrigin = null;
    }
  });

  it("streams a zip of the final images named by sku, deduplicated and made safe, with the CSV", async () => {
    const response = await get(`/v1/batches/${batchId}/export.zip`, client.api_key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      [
        `batch-${batchId}.csv`,
        "images/Chemise_ete_bleu.png",
        "images/SUM_A1.png",
        "images/row-3.png",
        "images/sum_a1-2.png",
      ].sort(),
    );
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files[`batch-${batchId}.csv`]);
    expect(csv).toBe(await exportedCsv());
    const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
    for (const record of records.filter((r) => r.image_file)) {
      const served = await get(new URL(record.image_url!).pathname, client.api_key);
      const bytes = new Uint8Array(await served.arrayBuffer());
      expect(files[`images/${record.image_file}`]).toEqual(bytes);
      expect([...bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    }
  });

  it("gives the Studio signed links (tRPC batches.exportLinks) that open the exports without a key", async () => {
    const trpcAs = (key: string) =>
      createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: "http://studio.test/api/trpc",
            headers: { authorization: `Bearer ${key}` },
            fetch: (url, init) =>
              handleTrpcRequest(runtime, new Request(url as string, init as RequestInit)),
          }),
        ],
      });
    const links = await trpcAs(client.api_key).batches.exportLinks.query({ public_id: batchId });
    expect(links.csv_url).toMatch(
      new RegExp(`^/v1/batches/${batchId}/export\\.csv\\?expires=\\d+&signature=`),
    );
    const csv = await get(links.csv_url);
    expect(csv.status).toBe(200);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
      await exportedCsv(),
    );
    const zip = await get(links.zip_url);
    expect(zip.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toHaveLength(5);
    // A tampered or moved signature opens nothing.
    expect((await get(links.csv_url.replace(/signature=.*$/, "signature=forged"))).status).toBe(
      401,
    );
    const other = await callApi(runtime, "POST", "/v1/batches", {
      key: client.api_key,
      body: { items: [validSpec({ ...SMALL, image_model: "always-down" })] },
    });
    expect((await get(links.csv_url.replace(batchId, other.body.batch_id))).status).toBe(401);
    // Links are given to the batch's owner only.
    const stranger = await createTestClient(runtime, 10, "Link Stranger");
    await expect(
      trpcAs(stranger.api_key).batches.exportLinks.query({ public_id: batchId }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  it("answers another client's batch 404, a bad id 422 in the contract shape, no key 401", async () => {
    const stranger = await createTestClient(runtime, 10, "Other Shop");
    for (const format of ["csv", "zip"]) {
      const hidden = await callApi(runtime, "GET", `/v1/batches/${batchId}/export.${format}`, {
        key: stranger.api_key,
      });
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe("RESOURCE_NOT_FOUND");
      const unknown = await callApi(runtime, "GET", `/v1/batches/nope/export.${format}`, {
        key: client.api_key,
      });
      expect(unknown.status).toBe(404);
      const tooLong = await callApi(
        runtime,
        "GET",
        `/v1/batches/${"x".repeat(65)}/export.${format}`,
        { key: client.api_key },
      );
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.detail[0].loc).toEqual(["path", "public_id"]);
      const nul = await callApi(runtime, "GET", `/v1/batches/%00/export.${format}`, {
        key: client.api_key,
      });
      expect(nul.status).toBe(422);
      const anonymous = await callApi(runtime, "GET", `/v1/batches/${batchId}/export.${format}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.request_id).toBe(anonymous.headers.get("x-request-id"));
    }
    // Every export request is in the request log, like any other.
    const logged = await runtime.db.requestLog.count({
      where: { path: { startsWith: `/v1/batches/${batchId}/export.` }, statusCode: 200 },
    });
    expect(logged).toBeGreaterThanOrEqual(2);
  });
  it("exports a row's approved variant as its complement, image included", async () => {
    const rowJob = await runtime.db.job.findFirstOrThrow({ where: { batchId, batchRow: 1 } });
    const variants = await callApi(runtime, "POST", `/v1/jobs/${rowJob.id}/variants`, {
      key: client.api_key,
      body: { count: 1 },
    });
    expect(variants.status).toBe(202);
    const variantJobId = variants.body.jobs[0].job_id as string;
    await settle(runtime);
    const entry = await runtime.db.catalogEntry.findUniqueOrThrow({
      where: { jobId: variantJobId },
    });
    const approved = await callApi(
      runtime,
      "POST",
      `/v1/catalog/complementary-garments/${entry.id}/approve`,
      { key: client.api_key },
    );
    expect(approved.status).toBe(200);
    const records = parse<Record<string, string>>(await exportedCsv(), {
      bom: true,
      columns: true,
    });
    expect(records[1]).toMatchObject({
      job_id: rowJob.id,
      complement_job_id: variantJobId,
      description: entry.description,
      image_url: `http://studio.test/v1/artifacts/${entry.artifactId}/image`,
      image_file: "Chemise_ete_bleu.png",
    });
    expect(records[0]!.complement_job_id).toBe(records[0]!.job_id);
    const zip = await get(`/v1/batches/${batchId}/export.zip`, client.api_key);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const variantImage = await get(`/v1/artifacts/${entry.artifactId}/image`, client.api_key);
    expect(files["images/Chemise_ete_bleu.png"]).toEqual(
      new Uint8Array(await variantImage.arrayBuffer()),
    );
  });
});
