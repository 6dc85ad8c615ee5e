import { createImageModelRegistry } from "@garment/imaging";
import { openTestDatabase, testDatabaseKinds } from "@garment/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createTestClient, validSpec } from "../../../test/harness";
import { FakeInngestEventApi } from "../../../test/inngest-event-api";
import type { AppRuntime } from "../../runtime/app-runtime";
import { createRuntime } from "../../runtime/create-runtime";
import { imageModelDirectory } from "../../runtime/image-model-directory";
import { getBalance, ledgerSum } from "../../services/credits/balance";
import { LocalFolderStorage } from "../../storage/local-folder-storage";
import { UrlSigner } from "../../storage/url-signer";
import { createWorkflowSystem } from "../workflow-system";

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testDatabaseKinds())("dispatch to a real Inngest through the outbox (%s)", (kind) => {
  let runtime: AppRuntime;
  let inngest: FakeInngestEventApi;
  beforeAll(async () => {
    inngest = new FakeInngestEventApi();
    const baseUrl = await inngest.start();
    const registry = createImageModelRegistry();
    runtime = await createRuntime({
      database: await openTestDatabase(kind),
      storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-outbox-"))),
      signer: new UrlSigner("test-signing-secret-of-thirty-two-chars"),
      imageModels: imageModelDirectory(registry),
      logger: pino({ level: "silent" }),
      settings: { outboundTimeoutMs: 150 },
      workflow: (parts) =>
        createWorkflowSystem({
          ...parts,
          imageModels: registry,
          inngest: { eventKey: "test-event-key", signingKey: "signkey-test-0123", baseUrl },
          relay: { pollIntervalMs: 50, backoff: { baseMs: 25, maxMs: 200 } },
        }),
    });
  });
  afterAll(async () => {
    await runtime.close();
    await inngest.stop();
  });

  it("accepts while Inngest is down or hanging, refunds nothing, and delivers once it recovers", async () => {
    const client = await createTestClient(runtime, 50);
    inngest.mode = "fail";
    const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    expect(accepted.status).toBe(202);
    await until(async () => inngest.requests.failed > 0);
    inngest.mode = "hang";
    await until(async () => inngest.requests.hung > 0);

    // Still charged once, nothing refunded, the job waiting: Inngest was only unreachable.
    const job = await runtime.db.job.findUniqueOrThrow({ where: { id: accepted.body.job_id } });
    expect(job.status).toBe("NOT_STARTED");
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(45);
    expect(await ledgerSum(runtime.db, client.client_id, "live")).toBe(45);
    const outboxRow = () =>
      runtime.db.workflowOutbox.findUniqueOrThrow({ where: { id: accepted.body.request_id } });
    // The failed attempt is on record, and the event is still waiting to be sent.
    await until(async () => (await outboxRow()).lastError !== null);
    expect((await outboxRow()).sentAt).toBeNull();

    inngest.mode = "accept";
    await until(async () => inngest.accepted.some((e) => e.id === accepted.body.request_id));
    const delivered = inngest.accepted.filter((e) => e.id === accepted.body.request_id);
    expect(delivered).toEqual([
      {
        id: accepted.body.request_id,
        name: "studio/complementary-garment.requested",
        data: {
          jobId: accepted.body.job_id,
          requestId: accepted.body.request_id,
          clientId: client.client_id,
          mode: "live",
        },
      },
    ]);
    await until(async () => {
      const sent = await runtime.db.workflowOutbox.findUniqueOrThrow({
        where: { id: accepted.body.request_id },
      });
      return sent.sentAt !== null;
    });
  });

  it("writes no outbox row when the debit does not happen", async () => {
    const client = await createTestClient(runtime, 3);
    const refused = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
      key: client.api_key,
      body: validSpec(),
    });
    expect(refused.status).toBe(402);
    expect(
      await runtime.db.workflowOutbox.count({
        where: { id: refused.headers.get("x-request-id")! },
      }),
    ).toBe(0);
  });
});
