import { isPostgresUrl, resolveDataDir } from "@garment/db";
import path from "node:path";
import type { ServerEnv } from "../env";
import type { S3StorageSettings } from "../storage/s3-artifact-storage";
import { loadSigningSecret } from "../storage/signing-secret";
import {
  resolveInngestConnection,
  type InngestConnection,
  type InngestSettings,
} from "../workflows/inngest-connection";
import { ConfigurationError } from "../config/configuration-error";

export type StorageChoice =
  | { kind: "local"; dir: string }
  | { kind: "database" }
  | { kind: "s3"; settings: S3StorageSettings };

export type RateLimitChoice =
  { kind: "memory" } | { kind: "database" } | { kind: "redis"; url: string };

/** Where each piece of shared state lives, decided once at start from the environment. */
export interface DeploymentConfig {
  /** PostgreSQL: instances share the database, so nothing may live in one process or folder. */
  shared: boolean;
  storage: StorageChoice;
  rateLimit: RateLimitChoice;
  signingSecret: string;
  inngest: InngestSettings;
  connection: InngestConnection;
}

/**
 * Reads and checks the deployment's configuration, collecting every problem before failing so
 * a half-configured instance refuses to start with one message that says what is missing.
 */
export function readDeploymentConfig(env: ServerEnv): DeploymentConfig {
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ConfigurationError) problems.push(...error.problems);
      else throw error;
      return undefined;
    }
  };
  const shared = isPostgresUrl(env.DATABASE_URL);
  const dataDir = resolveDataDir(env.STUDIO_DATA_DIR);
  const inngest: InngestSettings = {
    eventKey: env.INNGEST_EVENT_KEY,
    signingKey: env.INNGEST_SIGNING_KEY,
    dev: env.INNGEST_DEV,
    baseUrl: env.INNGEST_BASE_URL,
    serveOrigin: env.INNGEST_SERVE_ORIGIN ?? env.INNGEST_SERVE_HOST,
    servePath: env.INNGEST_SERVE_PATH,
  };
  const connection = attempt(() => resolveInngestConnection(inngest));
  const signingSecret = attempt(() =>
    loadSigningSecret({ fromEnv: env.STUDIO_SIGNING_SECRET, dataDir, shared }),
  );
  const storage = attempt(() => storageChoice(env, shared, dataDir));
  const redisUrl = env.REDIS_URL;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl))
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL.`);
  const rateLimit: RateLimitChoice = redisUrl
    ? { kind: "redis", url: redisUrl }
    : shared
      ? { kind: "database" }
      : { kind: "memory" };
  if (problems.length > 0 || !storage || signingSecret === undefined || !connection)
    throw new ConfigurationError(problems);
  return { shared, storage, rateLimit, signingSecret, inngest, connection };
}

function storageChoice(env: ServerEnv, shared: boolean, dataDir: string): StorageChoice {
  const bucket = env.STUDIO_S3_BUCKET;
  const requested = env.STUDIO_ARTIFACT_STORAGE ?? (bucket ? "s3" : shared ? "database" : "local");
  switch (requested) {
    case "local":
      return { kind: "local", dir: env.STUDIO_STORAGE_DIR ?? path.join(dataDir, "artifacts") };
    case "database":
      return { kind: "database" };
    case "s3":
      if (!bucket)
        throw new ConfigurationError([
          "STUDIO_ARTIFACT_STORAGE=s3 needs STUDIO_S3_BUCKET (and, for an S3-compatible server, STUDIO_S3_ENDPOINT). Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the AWS SDK's default chain.",
        ]);
      return {
        kind: "s3",
        settings: {
          bucket,
          prefix: env.STUDIO_S3_PREFIX,
          endpoint: env.STUDIO_S3_ENDPOINT,
          region: env.STUDIO_S3_REGION ?? env.AWS_REGION,
          forcePathStyle: env.STUDIO_S3_FORCE_PATH_STYLE,
        },
      };
    default:
      throw new ConfigurationError([
        `STUDIO_ARTIFACT_STORAGE is "${requested}"; use local, database or s3.`,
      ]);
  }
}
