import { testDatabaseKinds } from "@garment/db";
import {
  CatalogEntryListResponse,
  CatalogEntryResponse,
  ErrorEnvelope,
  VariantsAcceptedResponse,
} from "@garment/schemas";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import {
  createWorkflowTestRuntime,
  settle,
  type WorkflowTestRuntime,
} from "../../../test/workflow-harness";
import { handleTrpcRequest } from "../../trpc/handler";
import type { AppRouter } from "../../trpc/root";

const SMALL = { resolution: "0.5K", aspect_ratio: "4:5", eval_enabled: false } as const;
const CATALOG = "/v1/catalog/complementary-garments";

// Approving one entry of a variant group, against entries the real workflow wrote.
describe.each(testDatabaseKinds())("approving among variants on %s", (kind) => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime(kind);
  });
  afterAll(async () => {
    await runtime.close();
  });

  /** A finished root job and `count` finished variants: their catalog entry ids, root first. */
  async function variantGroup(key: string, count: number) {
    const root = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key,
      body: validSpec(SMALL),
    });
    await settle(runtime);
    const asked = await callApi(runtime, "POST", `/v1/jobs/${root.body.job_id}/variants`, {
      key,
      body: { count },
    });
    expect(asked.status).toBe(202);
    await settle(runtime);
    const jobIds = [
      root.body.job_id as string,
      ...VariantsAcceptedResponse.parse(asked.body).jobs.map((j) => j.job_id ?? ""),
    ];
    const entries = await runtime.db.catalogEntry.findMany({ where: { jobId: { in: jobIds } } });
    return {
      rootJobId: jobIds[0] ?? "",
      entryIds: jobIds.map((jobId) => entries.find((e) => e.jobId === jobId)?.id ?? ""),
    };
  }

  const listed = async (key: string, query = "") => {
    const res = await callApi(runtime, "GET", `${CATALOG}${query}`, { key });
    expect(res.status).toBe(200);
    return CatalogEntryListResponse.parse(res.body).map((e) => `${e.public_id}:${e.status}`);
  };
  const trpcFor = (key: string) =>
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
  const approve = (key: string, entryId: string) =>
    callApi(runtime, "POST", `${CATALOG}/${entryId}/approve`, { key });

  it("approves one entry, supersedes its siblings, and the catalog then lists only it", async () => {
    const client = await createTestClient(runtime, 100);
    const loner = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec({ ...SMALL, color: "camel" }),
    });
    await settle(runtime);
    const lonerEntry = await runtime.db.catalogEntry.findUniqueOrThrow({
      where: { jobId: loner.body.job_id },
    });
    const { entryIds } = await variantGroup(client.api_key, 2);
    const [root, first, second] = entryIds as [string, string, string];
    // Never compared: every successful job is in the catalog, as the original API promises.
    expect((await listed(client.api_key)).sort()).toEqual(
      [`${lonerEntry.id}:active`, `${root}:active`, `${first}:active`, `${second}:active`].sort(),
    );

    const res = await approve(client.api_key, first);
    expect(res.status).toBe(200);
    expect(CatalogEntryResponse.parse(res.body)).toMatchObject({
      public_id: first,
      status: "approved",
    });
    expect((await listed(client.api_key)).sort()).toEqual(
      [`${lonerEntry.id}:active`, `${first}:approved`].sort(),
    );
    expect((await listed(client.api_key, "?status=superseded")).sort()).toEqual(
      [`${root}:superseded`, `${second}:superseded`].sort(),
    );
    expect(await listed(client.api_key, "?status=approved")).toEqual([`${first}:approved`]);
    // A superseded entry stays readable, and in its job's history.
    const old = await callApi(runtime, "GET", `${CATALOG}/${second}`, { key: client.api_key });
    expect(old.body.status).toBe("superseded");

    // tRPC's list (the Studio's catalog page) applies the same default.
    const page = await trpcFor(client.api_key).catalog.complementaryGarments.query({});
    expect(page.count).toBe(2);
    expect(page.complementary_garments.map((e) => e.public_id).sort()).toEqual(
      [lonerEntry.id, first].sort(),
    );
  });

  it("is idempotent, and approving a sibling moves the approval to it", async () => {
    const client = await createTestClient(runtime, 100);
    const { entryIds } = await variantGroup(client.api_key, 1);
    const [root, variant] = entryIds as [string, string];
    const once = await approve(client.api_key, variant);
    const twice = await approve(client.api_key, variant);
    expect([once.status, twice.status]).toEqual([200, 200]);
    expect(twice.body).toEqual({ ...once.body, image_url: twice.body.image_url });
    expect(await listed(client.api_key)).toEqual([`${variant}:approved`]);

    const viaTrpc = await trpcFor(client.api_key).catalog.approve.mutate({ public_id: root });
    expect(viaTrpc.status).toBe("approved");
    expect(await listed(client.api_key)).toEqual([`${root}:approved`]);
    expect(await listed(client.api_key, "?status=superseded")).toEqual([`${variant}:superseded`]);
  });

  it("lets a variant finished after the approval enter the catalog superseded", async () => {
    const client = await createTestClient(runtime, 100);
    const { rootJobId, entryIds } = await variantGroup(client.api_key, 1);
    const [, variant] = entryIds as [string, string];
    expect((await approve(client.api_key, variant)).status).toBe(200);
    const late = await callApi(runtime, "POST", `/v1/jobs/${rootJobId}/variants`, {
      key: client.api_key,
      body: { count: 1 },
    });
    await settle(runtime);
    const lateJob = VariantsAcceptedResponse.parse(late.body).jobs[0]?.job_id ?? "";
    const entry = await runtime.db.catalogEntry.findUniqueOrThrow({ where: { jobId: lateJob } });
    expect(entry.status).toBe("superseded");
    expect(await listed(client.api_key)).toEqual([`${variant}:approved`]);
  });

  it("answers 404 for another client's entry and changes nothing", async () => {
    const owner = await createTestClient(runtime, 100);
    const other = await createTestClient(runtime, 100, "Other Boutique");
    const { entryIds } = await variantGroup(owner.api_key, 1);
    const res = await approve(other.api_key, entryIds[1] ?? "");
    expect(res.status).toBe(404);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe("RESOURCE_NOT_FOUND");
    const statuses = await runtime.db.catalogEntry.findMany({
      where: { id: { in: entryIds } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["active", "active"]);
  });
});
