import {
  openDatabase,
  type DatabaseHandle,
  type OpenDatabaseOptions,
  type PrismaClient,
} from "@garment/db";
import type { Logger } from "pino";
import { PrometheusMetrics } from "../observability/prometheus-metrics";
import type { Metrics } from "../ports/metrics";
import { readQueueState } from "../services/operator/queue-state";
import { ApiKeyCache } from "../auth/api-key-cache";
import type { ApiKeyRow } from "../auth/authenticate";
import { PasswordCheckGate } from "../auth/password-check-gate";
import { PostgresRateLimitStore, RateLimiter, type RateLimitStore } from "../auth/rate-limit";
import { SignInThrottle } from "../auth/sign-in-throttle";
import { seedReferenceData } from "../seed/reference-data";
import type { WorkflowEngine } from "../ports/workflow-engine";
import { startStuckJobSweeper } from "../services/jobs/fail-stuck-jobs";
import { DispatchRecorder } from "../services/dispatch/dispatch-recorder";
import { RequestLogWriter } from "../services/request-log";
import { ReferenceData } from "../services/reference/reference-data";
import type { ArtifactStorage } from "../storage/artifact-storage";
import type { UrlSigner } from "../storage/url-signer";
import { sweeperHandOff, type WorkflowSystem } from "../workflows/workflow-system";
import { apiSettings, type ApiSettings } from "../config/api-settings";
import type { AppRuntime } from "./app-runtime";
import type { ImageModelDirectory } from "../ports/image-model-directory";
import { createLogger } from "./logger";
import { Lifecycle } from "./lifecycle";

export interface RuntimeParts {
  db: PrismaClient;
  storage: ArtifactStorage;
  logger: Logger;
  signer: UrlSigner;
  settings: ApiSettings;
  metrics: Metrics;
}

export interface RuntimeOptions {
  /** An open database; otherwise one is opened from the environment (or `databaseOptions`). */
  database?: DatabaseHandle;
  databaseOptions?: OpenDatabaseOptions;
  /** A plain hand-off (tests), or a factory for the workflow system, started with the runtime. */
  workflow: WorkflowEngine | ((parts: RuntimeParts) => WorkflowSystem);
  imageModels: ImageModelDirectory;
  storage: ArtifactStorage;
  signer: UrlSigner;
  logger?: Logger;
  /** Where the operator's metrics go (a registry of this runtime's own by default). */
  metrics?: PrometheusMetrics;
  /** Limits and outbound policy; the defaults (DEFAULT_API_SETTINGS) where not given. */
  settings?: Partial<ApiSettings>;
  /**
   * Where rate-limit state lives, or a factory given the open database (PostgreSQL's store
   * needs it); in this process by default.
   */
  rateLimitStore?: RateLimitStore | ((db: PrismaClient) => RateLimitStore);
}

export async function createRuntime(options: RuntimeOptions): Promise<AppRuntime> {
  const logger = options.logger ?? createLogger();
  const database = options.database ?? (await openDatabase(options.databaseOptions));
  await seedReferenceData(database.db);
  const settings = apiSettings(options.settings);
  const metrics = options.metrics ?? new PrometheusMetrics();
  const parts = {
    db: database.db,
    storage: options.storage,
    logger,
    signer: options.signer,
    settings,
    metrics,
  };
  const workflows = typeof options.workflow === "function" ? options.workflow(parts) : null;
  const workflow: WorkflowEngine = workflows ?? (options.workflow as WorkflowEngine);
  await workflows?.start();
  const stopSweeper = workflows
    ? startStuckJobSweeper(database.db, {
        ...sweeperHandOff(workflows),
        onError: (error) => logger.error({ err: error }, "the stuck-job sweeper failed"),
        observers: { metrics, logger },
      })
    : () => {};
  const rateLimitStore =
    typeof options.rateLimitStore === "function"
      ? options.rateLimitStore(database.db)
      : options.rateLimitStore;
  const rateLimiter = new RateLimiter(rateLimitStore);
  metrics.readGaugesFrom({
    queue: () => readQueueState(database.db),
    runsExecuting: () => workflows?.runner?.executing ?? null,
    pool: () => database.pool(),
  });
  const apiKeys = new ApiKeyCache<ApiKeyRow>({
    ttlMs: settings.apiKeyCacheTtlMs,
    maxEntries: 10_000,
  });
  await apiKeys.start(database);
  const reference = new ReferenceData(database.db);
  await reference.start(database);
  let closed = false;
  return {
    database,
    db: database.db,
    reference,
    dispatches: new DispatchRecorder(database.query),
    requestLogs: new RequestLogWriter(database.query),
    workflow,
    workflows,
    imageModels: options.imageModels,
    storage: options.storage,
    signer: options.signer,
    logger,
    metrics,
    settings,
    rateLimiter,
    apiKeys,
    signIn: {
      // Always the database: the limit must hold across instances whatever the API's store is.
      throttle: new SignInThrottle(new PostgresRateLimitStore(database.db), settings.signIn),
      passwordChecks: new PasswordCheckGate(
        settings.signIn.maxConcurrentChecks,
        settings.signIn.maxWaitingChecks,
      ),
    },
    lifecycle: new Lifecycle(),
    async close() {
      if (closed) return;
      closed = true;
      stopSweeper();
      await workflows?.stop();
      await rateLimiter.close();
      await apiKeys.close();
      await reference.close();
      await database.close();
    },
  };
}
