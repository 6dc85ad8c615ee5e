import { dbEnv, isPostgresUrl, resolveDataDir } from "@garment/db";
import { createImageModelRegistry } from "@garment/imaging";
import path from "node:path";
import { limitsEnv, serverEnv } from "../env";
import { apiSettingsFromEnv } from "./api-settings";
import { LocalFolderStorage } from "../storage/artifact-storage";
import { loadSigningSecret } from "../storage/signing-secret";
import { UrlSigner } from "../storage/url-signer";
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
  const dataDir = resolveDataDir();
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
  const runtime = await createRuntime({
    databaseOptions: { migrate: !isPostgresUrl(dbEnv.databaseUrl) },
    storage: new LocalFolderStorage(serverEnv.storageDir ?? path.join(dataDir, "artifacts")),
    signer: new UrlSigner(loadSigningSecret(serverEnv.signingSecret, dataDir)),
    imageModels: imageModelDirectory(imageModels),
    workflow: (parts) =>
      createWorkflowSystem({
        ...parts,
        imageModels,
        inngest: {
          eventKey: serverEnv.inngestEventKey,
          signingKey: serverEnv.inngestSigningKey,
          dev: serverEnv.inngestDev === "1",
          baseUrl: serverEnv.inngestBaseUrl,
        },
      }),
    logger,
    settings: apiSettingsFromEnv(),
  });
  logger.info(
    {
      database: runtime.database.kind,
      location: runtime.database.location,
      workflows: runtime.workflows?.mode,
    },
    "runtime ready",
  );
  return runtime;
}

/** Called from Next's instrumentation hook: open everything, greet, and close on shutdown. */
export async function startAppRuntime(): Promise<void> {
  const runtime = await getAppRuntime();
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
