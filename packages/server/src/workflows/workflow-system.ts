import type { PrismaClient } from "@garment/db";
import { evaluateRender, type ImageModelRegistry } from "@garment/imaging";
import type { Inngest, InngestFunction } from "inngest";
import type { Logger } from "pino";
import type { Metrics } from "../ports/metrics";
import type { WorkflowEvent } from "../ports/workflow-engine";
import type { ArtifactStorage } from "../storage/artifact-storage";
import type { GenerationDeps } from "./complementary-garment/deps";
import { createGenerationFunction } from "./complementary-garment/function";
import { RenderSlots } from "./complementary-garment/render-slots";
import { EmbeddedRunner, type BackoffOptions } from "@garment/inngest-runner";
import { EmbeddedEngine, OutboxEngine, type WorkflowEngine } from "./engine";
import { OutboxRelay, type OutboxRelayOptions } from "./outbox/outbox-relay";
import { createInngestClient, INNGEST_APP_ID } from "./inngest-client";
import { PrismaRunStore } from "./prisma-run-store";
import { apiSettings, DEFAULT_API_SETTINGS, type ApiSettings } from "../config/api-settings";
import { finishBatch, finishBatchOfJob } from "../services/batches/finish-batch";
import { announceBatchFinished } from "../services/webhooks/announce-batch-finished";
import { announceJobFinished } from "../services/webhooks/announce-job-finished";
import type { UrlSigner } from "../storage/url-signer";
import type { SweeperOptions } from "../services/jobs/fail-stuck-jobs";
import { createRetentionFunction } from "./retention/function";
import { createWebhookDeliveryFunction } from "./webhook-delivery/function";
import {
  resolveInngestConnection,
  type InngestConnection,
  type InngestSettings,
} from "./inngest-connection";

export type { InngestSettings } from "./inngest-connection";

export { INNGEST_APP_ID };

export interface WorkflowSystem extends WorkflowEngine {
  mode: "embedded" | "inngest";
  /** How this process reaches its workflow engine (serve path and origin included). */
  connection: InngestConnection;
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The embedded runner, when there is one (tests wait on it). */
  runner: EmbeddedRunner | null;
  /**
   * After a job became terminal: finishes its batch when it was the batch's last unfinished job,
   * and starts the webhook deliveries (`job.*`, and `batch.finished` for a finished batch).
   * Idempotent; never throws: a failure to announce is logged and must not affect the job.
   */
  announceJobFinished(jobId: string): Promise<void>;
  /**
   * For a batch whose last job's own announcement was lost (the stuck-job sweeper): finishes it
   * when every job is terminal, through the same conditional UPDATE, and announces its end
   * (`batch.finished`) unless that was done. Idempotent; never throws.
   */
  announceBatchFinished(batchId: string): Promise<void>;
}

export interface WorkflowSystemOptions {
  db: PrismaClient;
  storage: ArtifactStorage;
  imageModels: ImageModelRegistry;
  logger: Logger;
  /** Renders, evaluations, terminal states and webhook attempts for the operator. */
  metrics?: Metrics;
  inngest: InngestSettings;
  /**
   * Embedded runner: most runs at once (default: the built-in and hosted render slots together)
   * and retry backoff (default Inngest's table).
   */
  concurrency?: number;
  backoff?: BackoffOptions;
  pollIntervalMs?: number;
  leaseMs?: number;
  /** Overrides for tests (a failing model, a stricter evaluation…). */
  generation?: Partial<GenerationDeps>;
  /** Signs artifact URLs in webhook payloads; without it no webhooks are delivered. */
  signer?: UrlSigner;
  /** With a real Inngest: the outbox relay's batch size, polling and retry backoff. */
  relay?: Pick<OutboxRelayOptions, "batchSize" | "pollIntervalMs" | "backoff">;
  /** Webhook timeouts, attempts and URL policy (the defaults where not given). */
  settings?: ApiSettings;
}

/**
 * The same Inngest functions either served to a real Inngest (production, and the way past one
 * machine) or executed in this process by the embedded runner (the default).
 */
export function createWorkflowSystem(options: WorkflowSystemOptions): WorkflowSystem {
  // Throws on a half configuration, before anything runs.
  const connection = resolveInngestConnection(options.inngest);
  const embedded = connection.mode === "embedded";
  const client = createInngestClient(connection, {
    outboundTimeoutMs: () => (options.settings ?? DEFAULT_API_SETTINGS).outboundTimeoutMs,
    // The SDK's own lines as JSON through the same pino (never its console logger).
    logger: options.logger,
  });
  // Without a signer no webhooks are delivered; jobs and batches are still marked announced
  // (and batches finished), so the stuck-job sweeper does not take them up.
  const send = options.signer ? (event: WorkflowEvent) => engine.send(event) : null;
  const announce = async (jobId: string) => {
    try {
      const batch = await finishBatchOfJob(options.db, jobId);
      await announceJobFinished(options.db, send, jobId);
      // Idempotent, so a retried step whose batch was finished by its first try announces it.
      if (batch) await announceBatchFinished(options.db, send, batch.batchId);
    } catch (error) {
      options.logger.error({ err: error, jobId }, "could not announce a finished job to webhooks");
    }
  };
  const announceBatch = async (batchId: string) => {
    try {
      await finishBatch(options.db, batchId);
      await announceBatchFinished(options.db, send, batchId);
    } catch (error) {
      options.logger.error({ err: error, batchId }, "could not announce a finished batch");
    }
  };
  const fairness = (options.settings ?? DEFAULT_API_SETTINGS).fairness;
  const renderSlots = new RenderSlots({
    builtin: fairness.builtinRenderSlots,
    hosted: fairness.hostedRenderSlots,
  });
  const deps: GenerationDeps = {
    db: options.db,
    storage: options.storage,
    imageModel: (id) => {
      const model = options.imageModels.get(id);
      return model?.isAvailable() ? model : undefined;
    },
    fallbackModelId: options.imageModels.fallbackModel.id,
    evaluate: (target, image) => evaluateRender(target, image),
    announceFinished: announce,
    clientConcurrency: fairness.clientConcurrency,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    renderSlots,
    logger: options.logger,
    ...options.generation,
  };
  const functions: InngestFunction.Any[] = [
    createGenerationFunction(client, deps),
    // Prunes logs, keys, finished runs and refunded renders on its cron.
    createRetentionFunction(client, {
      db: options.db,
      storage: options.storage,
      settings: (options.settings ?? apiSettings()).retention,
    }),
  ];
  if (options.signer) {
    functions.push(
      createWebhookDeliveryFunction(client, {
        db: options.db,
        signer: options.signer,
        settings: options.settings ?? apiSettings(),
        ...(options.metrics ? { metrics: options.metrics } : {}),
      }),
    );
  }

  const runner = embedded
    ? new EmbeddedRunner({
        client,
        functions,
        store: new PrismaRunStore(options.db),
        // Room for every render slot: the slots, not the runner, bound each kind of render.
        concurrency: options.concurrency ?? renderSlots.total,
        ...(options.backoff ? { backoff: options.backoff } : {}),
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
        logger: options.logger,
      })
    : null;
  // Inngest drops a repeated send of the same event id (= request id); so does the runner.
  const engine: WorkflowEngine = runner
    ? new EmbeddedEngine(runner)
    : new OutboxEngine(
        options.db,
        new OutboxRelay({
          db: options.db,
          // Inngest's event API takes a batch in one request, all or nothing.
          send: async (events) => {
            await client.send(
              events.map(({ id, name, data }) => ({ id, name, data: { ...data } })),
            );
          },
          logger: options.logger,
          // Longer than one send can take: the SDK's own attempts, each with its deadline.
          leaseMs: 6 * (options.settings ?? DEFAULT_API_SETTINGS).outboundTimeoutMs + 10_000,
          ...options.relay,
        }),
      );
  return {
    mode: runner ? "embedded" : "inngest",
    connection,
    client,
    functions,
    runner,
    startWorkSql: (event, guard) => engine.startWorkSql(event, guard),
    startBatchWorkSql: (events, guard) => engine.startBatchWorkSql(events, guard),
    wake: () => engine.wake(),
    send: (event) => engine.send(event),
    start: () => engine.start(),
    stop: () => engine.stop(),
    announceJobFinished: announce,
    announceBatchFinished: announceBatch,
  };
}

/**
 * What the stuck-job sweeper hands to the workflow system: events to send again, and jobs and
 * batches it ended or found ended but unannounced. The runtime and the sweep tests wire it alike.
 */
export function sweeperHandOff(
  workflows: WorkflowSystem,
): Pick<SweeperOptions, "resend" | "onJobEnded" | "onBatchEnded"> {
  return {
    resend: (event) => workflows.send(event),
    onJobEnded: (jobId) => workflows.announceJobFinished(jobId),
    onBatchEnded: (batchId) => workflows.announceBatchFinished(batchId),
  };
}
