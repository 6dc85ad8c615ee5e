import { openDatabase, resolveDataDir, type PrismaClient } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import {
  MemoryRateLimitStore,
  PostgresRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from "../auth/rate-limit";
import { limitsEnv, serverEnv } from "../env";
import type { ArtifactStorage } from "../storage/artifact-storage";
import { DatabaseArtifactStorage } from "../storage/database-artifact-storage";
import { LocalFolderStorage } from "../storage/local-folder-storage";
import { S3ArtifactStorage } from "../storage/s3-artifact-storage";
import { UrlSigner } from "../storage/url-signer";
import { apiSettingsFromEnv } from "./api-settings";
import { ConfigurationError } from "./configuration-error";
import {
  readDeploymentConfig,
  type RateLimitChoice,
  type StorageChoice,
} from "./deployment-config";
import { createWorkflowSystem } from "../workflows/workflow-system";
import type { AppRuntime } from "./app-runtime";
import { createRuntime } from "./create-runtime";
import { ensureDemoCredentials } from "./demo-credentials";
import { ensureDemoStylist } from "./demo-stylist";
import { createFailingImageModel } from "./failing-image-model";
import { imageModelDirectory } from "./image-model-directory";
import { createLogger } from "./logger";

// One runtime per server process, kept on globalThis so Next's dev reloads reuse it instead of
// opening the PGlite folder twice.
const globalRef = globalThis as unknown as { __garmentRuntime?: Promise<AppRuntime> };

export function getAppRuntime(): Promise<AppRuntime> {
  globalRef.__garmentRuntime ??= buildAppRuntime().catch((error: unknown) => {
    globalRef.__garmentRuntime = undefined;
    throw error;
  });
  return globalRef.__garmentRuntime;
}

async function buildAppRuntime(): Promise<AppRuntime> {
  const logger = createLogger();
  // Refuses a half configuration (naming what is missing) before anything is opened.
  const config = readDeploymentConfig();
  // Hosted models are listed always and become available when their key is configured.
  // Renders take long: hosted models keep their own generous deadline unless one is configured.
  const renderTimeout = limitsEnv.imageModelTimeoutMs;
  const timeout = renderTimeout !== undefined ? { timeoutMs: renderTimeout } : {};
  const imageModels = createImageModelRegistry({
    openai: { apiKey: serverEnv.openAiApiKey, ...timeout },
    gemini: { apiKey: serverEnv.geminiApiKey, ...timeout },
    falFlux: { apiKey: serverEnv.falKey, ...timeout },
    ...(serverEnv.failingImageModel ? { extra: [createFailingImageModel()] } : {}),
  });
  const database = await openDatabase({ migrate: !config.shared });
  const storage = artifactStorageFor(config.storage, database.db);
  const runtime = await createRuntime({
    database,
    storage,
    signer: new UrlSigner(config.signingSecret),
    imageModels: imageModelDirectory(imageModels),
    workflow: (parts) => createWorkflowSystem({ ...parts, imageModels, inngest: config.inngest }),
    rateLimitStore: (db) => rateLimitStoreFor(config.rateLimit, db),
    logger,
    settings: apiSettingsFromEnv(),
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

/** Called from Next's instrumentation hook: open everything, greet, and close on shutdown. */
export async function startAppRuntime(): Promise<void> {
  let runtime: AppRuntime;
  try {
    runtime = await getAppRuntime();
  } catch (error) {
    // A half configuration must not leave a server up that answers 500 to everything.
    if (error instanceof ConfigurationError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (runtime.database.kind === "pglite") {
    const demo = await ensureDemoCredentials(runtime, resolveDataDir(), serverEnv.demoCredits);
    const stylist = await ensureDemoStylist(runtime, resolveDataDir(), demo.client_id);
    process.stdout.write(
      `\n  Garment Studio is running at http://localhost:${serverEnv.port} (embedded database: ${runtime.database.location})\n` +
        `  Demo client ${demo.client_id}: ${demo.balance} credits\n` +
        `    live API key: ${demo.api_key}\n` +
        `    test API key: ${demo.test_api_key}\n` +
        `    Studio sign-in: ${stylist.email} / ${stylist.password}\n\n`,
    );
  }
  const shutdown = (signal: NodeJS.Signals) => {
    runtime.logger.info({ signal }, "shutting down");
    void runtime.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
