import { openDatabase, resolveDataDir, type PrismaClient } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import {
  MemoryRateLimitStore,
  PostgresRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from "../auth/rate-limit";
import { InvalidEnvironmentError } from "@garment/schemas";
import { readServerEnv, type ServerEnv } from "../env";
import type { ArtifactStorage } from "../storage/artifact-storage";
import { DatabaseArtifactStorage } from "../storage/database-artifact-storage";
import { LocalFolderStorage } from "../storage/local-folder-storage";
import { S3ArtifactStorage } from "../storage/s3-artifact-storage";
import { UrlSigner } from "../storage/url-signer";
import { apiSettingsFromEnv } from "../config/api-settings";
import { ConfigurationError } from "../config/configuration-error";
import {
  readDeploymentConfig,
  type RateLimitChoice,
  type StorageChoice,
} from "./deployment-config";
import { createWorkflowSystem } from "../workflows/workflow-system";
import { PrometheusMetrics } from "../observability/prometheus-metrics";
import { startTracingFromEnv } from "../observability/tracing";
import type { AppRuntime } from "./app-runtime";
import { createRuntime } from "./create-runtime";
import { ensureDemoCredentials } from "./demo-credentials";
import { ensureDemoStylist } from "./demo-stylist";
import { createFailingImageModel } from "./failing-image-model";
import { createFlakyImageModel } from "./flaky-image-model";
import { imageModelDirectory } from "./image-model-directory";
import { createLogger } from "./logger";
import { exitGracefullyOnSignals } from "./graceful-shutdown";

// One runtime per server process, kept on globalThis so Next's dev reloads reuse it instead of
// opening the PGlite folder twice.
const globalRef = globalThis as unknown as {
  __garmentRuntime?: Promise<AppRuntime>;
  __garmentStarted?: Promise<StartedApp>;
};

export function getAppRuntime(): Promise<AppRuntime> {
  globalRef.__garmentRuntime ??= buildAppRuntime(readServerEnv()).catch((error: unknown) => {
    globalRef.__garmentRuntime = undefined;
    throw error;
  });
  return globalRef.__garmentRuntime;
}

async function buildAppRuntime(env: ServerEnv): Promise<AppRuntime> {
  const logger = createLogger(env.LOG_LEVEL);
  // Refuses a half configuration (naming what is missing) before anything is opened.
  const config = readDeploymentConfig(env);
  // Hosted models are listed always and become available when their key is configured.
  // Renders take long: hosted models keep their own generous deadline unless one is configured.
  const renderTimeout = env.STUDIO_IMAGE_MODEL_TIMEOUT_MS;
  const timeout = renderTimeout !== undefined ? { timeoutMs: renderTimeout } : {};
  const imageModels = createImageModelRegistry({
    openai: { apiKey: env.OPENAI_API_KEY, ...timeout },
    gemini: { apiKey: env.GEMINI_API_KEY, ...timeout },
    falFlux: { apiKey: env.FAL_KEY, ...timeout },
    extra: [
      ...(env.STUDIO_FAILING_IMAGE_MODEL ? [createFailingImageModel()] : []),
      ...(env.STUDIO_FLAKY_IMAGE_MODEL_PERCENT !== undefined
        ? [createFlakyImageModel(env.STUDIO_FLAKY_IMAGE_MODEL_PERCENT)]
        : []),
    ],
  });
  const database = await openDatabase({ url: env.DATABASE_URL, migrate: !config.shared });
  const storage = artifactStorageFor(config.storage, database.db);
  const runtime = await createRuntime({
    database,
    storage,
    signer: new UrlSigner(config.signingSecret),
    imageModels: imageModelDirectory(imageModels),
    workflow: (parts) => createWorkflowSystem({ ...parts, imageModels, inngest: config.inngest }),
    rateLimitStore: (db) => rateLimitStoreFor(config.rateLimit, db),
    logger,
    // CPU, memory, event-loop lag and GC too: one served runtime per process.
    metrics: new PrometheusMetrics().collectProcessMetrics(),
    settings: apiSettingsFromEnv(env),
  });
  logger.info(
    {
      database: runtime.database.kind,
      location: runtime.database.location,
      workflows: runtime.workflows?.mode,
      artifacts: config.storage.kind,
      rateLimit: config.rateLimit.kind,
    },
    "runtime ready",
  );
  return runtime;
}

function artifactStorageFor(choice: StorageChoice, db: PrismaClient): ArtifactStorage {
  switch (choice.kind) {
    case "local":
      return new LocalFolderStorage(choice.dir);
    case "database":
      return new DatabaseArtifactStorage(db);
    case "s3":
      return new S3ArtifactStorage(choice.settings);
  }
}

function rateLimitStoreFor(choice: RateLimitChoice, db: PrismaClient): RateLimitStore {
  switch (choice.kind) {
    case "memory":
      return new MemoryRateLimitStore();
    case "database":
      return new PostgresRateLimitStore(db);
    case "redis":
      return new RedisRateLimitStore(choice.url);
  }
}

/** Where the server listens, from the validated environment. */
export interface StartedApp {
  port: number;
  host: string | undefined;
}

/**
 * Opens everything, greets, and closes on shutdown; once per process. The production server
 * (apps/studio/server, `pnpm start`) calls it before Next loads, with `frontDoor`; Next's
 * instrumentation hook calls it again from its own copy of this module (hence the promise on
 * globalThis). Under plain `next start` the hook's call is the only one.
 */
export function startAppRuntime(options: { frontDoor?: boolean } = {}): Promise<StartedApp> {
  globalRef.__garmentStarted ??= startOnce(options.frontDoor ?? false);
  return globalRef.__garmentStarted;
}

async function startOnce(frontDoor: boolean): Promise<StartedApp> {
  let runtime: AppRuntime;
  let env: ServerEnv;
  let stopTracing = async () => {};
  try {
    // Validated first: a bad variable stops the start with a message naming it.
    env = readServerEnv();
    // Before anything opens, so the first request is traced too.
    stopTracing = startTracingFromEnv(env) ?? stopTracing;
    runtime = await getAppRuntime();
  } catch (error) {
    // A half configuration must not leave a server up that answers 500 to everything.
    if (error instanceof ConfigurationError || error instanceof InvalidEnvironmentError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (runtime.database.kind === "pglite") {
    const demo = await ensureDemoCredentials(
      runtime,
      resolveDataDir(env.STUDIO_DATA_DIR),
      env.STUDIO_DEMO_CREDITS,
    );
    const stylist = await ensureDemoStylist(
      runtime,
      resolveDataDir(env.STUDIO_DATA_DIR),
      demo.client_id,
    );
    process.stdout.write(
      `\n  Garment Studio is running at http://localhost:${env.PORT} (embedded database: ${runtime.database.location})\n` +
        `  Demo client ${demo.client_id}: ${demo.balance} credits\n` +
        `    live API key: ${demo.api_key}\n` +
        `    test API key: ${demo.test_api_key}\n` +
        `    Studio sign-in: ${stylist.email} / ${stylist.password}\n\n`,
    );
  }
  if (!frontDoor && !env.NEXT_MANUAL_SIG_HANDLE) {
    // `next start` then closes its listener and exits on its own as soon as the requests in
    // flight are answered, possibly before the runs in flight are handed back.
    runtime.logger.warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: `next start` exits on SIGTERM without waiting for the graceful shutdown",
    );
  }
  exitGracefullyOnSignals(
    runtime,
    { graceMs: env.STUDIO_SHUTDOWN_GRACE_MS, drainMs: env.STUDIO_SHUTDOWN_DRAIN_MS },
    (code) => process.exit(code),
    stopTracing,
  );
  return { port: env.PORT, host: env.HOST };
}
