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
import { LocalFolderStorage } from "../../storage/local-folder-storage";
import { UrlSigner } from "../../storage/url-signer";
import { createWorkflowSystem } from "../../workflows/workflow-system";
import { failJobAndRefund } from "../credits/fail-and-refund";
import { sweepStuckWork, type SweeperOptions } from "../jobs/fail-stuck-jobs";
import { WEBHOOK_DELIVERY_EVENT } from "../webhooks/enqueue-deliveries";

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// With a real Inngest the sweeper runs in every instance as well, and its announcement leaves
// through the outbox: one event per delivery, however many sweeps take the job or batch up.
describe.each(testDatabaseKinds())(
  "the sweeper's job and batch announcements through Inngest (%s)",
  (kind) => {
    let runtime: AppRuntime;
    let inngest: FakeInngestEventApi;
    beforeAll(async () => {
      inngest = new FakeInngestEventApi();
      const baseUrl = await inngest.start();
      const registry = createImageModelRegistry();
      runtime = await createRuntime({
        database: await openTestDatabase(kind),
        storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-sweep-outbox-"))),
        signer: new UrlSigner("test-signing-secret-of-thirty-two-chars"),
        imageModels: imageModelDirectory(registry),
        logger: pino({ level: "silent" }),
        settings: { webhooks: { allowPrivateUrls: true, maxAttempts: 3 } },
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

    it("finishes a batch a crash left unfinished and sends its one delivery event once", async () => {
      const client = await createTestClient(runtime, 100);
      const endpoint = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        body: { url: "http://127.0.0.1:9/hooks" },
      });
      expect(endpoint.status).toBe(201);
      const accepted = await callApi(runtime, "POST", "/v1/batches", {
        key: client.api_key,
        body: { items: [0, 1].map((seed) => ({ ...validSpec({ seed }), sku: `SKU-${seed}` })) },
      });
      expect(accepted.status).toBe(202);
      const batchId = accepted.body.batch_id as string;
      // Both jobs end, and the process dies before anything finishes or announces the batch.
      for (const { job_id } of accepted.body.jobs as { job_id: string }[])
        await failJobAndRefund(runtime.db, { jobId: job_id, reason: "cancelled", message: "t" });

      const workflows = runtime.workflows!;
      const sweeper: SweeperOptions = {
        resend: (event) => workflows.send(event),
        onBatchEnded: (id) => workflows.announceBatchFinished(id),
        onError: (error) => {
          throw error;
        },
      };
      const later = new Date(Date.now() + 10 * 60_000);
      await Promise.all([
        sweepStuckWork(runtime.db, sweeper, later),
        sweepStuckWork(runtime.db, sweeper, later),
      ]);

      const batch = await runtime.db.batch.findUniqueOrThrow({ where: { id: batchId } });
      expect(batch.finishedAt).not.toBeNull();
      expect(batch.announcedAt).not.toBeNull();
      const [delivery] = await runtime.db.webhookDelivery.findMany({ where: { batchId } });
      expect(delivery).toMatchObject({ eventType: "batch.finished", status: "pending" });
      const eventId = `webhook-delivery-${delivery!.id}`;
      await until(async () => inngest.accepted.some((event) => event.id === eventId));
      // A few more relay polls: a second send, had either sweep queued one, would arrive by then.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(inngest.accepted.filter((event) => event.id === eventId)).toEqual([
        { id: eventId, name: WEBHOOK_DELIVERY_EVENT, data: { deliveryId: delivery!.id } },
      ]);
    }, 60_000);

    it("announces a job a crash left unannounced and sends its one delivery event once", async () => {
      const client = await createTestClient(runtime, 100);
      const endpoint = await callApi(runtime, "POST", "/v1/webhooks/endpoints", {
        key: client.api_key,
        body: { url: "http://127.0.0.1:9/hooks" },
      });
      expect(endpoint.status).toBe(201);
      const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
        key: client.api_key,
        body: validSpec({ seed: 7 }),
      });
      expect(accepted.status).toBe(202);
      const jobId = accepted.body.job_id as string;
      // The job is cancelled, and the process dies before announcing it.
      await failJobAndRefund(runtime.db, { jobId, reason: "cancelled", message: "t" });

      const workflows = runtime.workflows!;
      const sweeper: SweeperOptions = {
        resend: (event) => workflows.send(event),
        onJobEnded: (id) => workflows.announceJobFinished(id),
        onError: (error) => {
          throw error;
        },
      };
      const later = new Date(Date.now() + 10 * 60_000);
      await Promise.all([
        sweepStuckWork(runtime.db, sweeper, later),
        sweepStuckWork(runtime.db, sweeper, later),
      ]);

      const job = await runtime.db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.announcedAt).not.toBeNull();
      const deliveries = await runtime.db.webhookDelivery.findMany({ where: { jobId } });
      expect(deliveries).toMatchObject([{ eventType: "job.failed", status: "pending" }]);
      const eventId = `webhook-delivery-${deliveries[0]!.id}`;
      await until(async () => inngest.accepted.some((event) => event.id === eventId));
      // A few more relay polls: a second send, had either sweep queued one, would arrive by then.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(inngest.accepted.filter((event) => event.id === eventId)).toHaveLength(1);
    }, 60_000);
  },
);
