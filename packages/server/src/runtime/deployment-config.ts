import { dbEnv, isPostgresUrl, resolveDataDir } from "@garment/db";
import path from "node:path";
import { serverEnv } from "../env";
import type { S3StorageSettings } from "../storage/s3-artifact-storage";
import { loadSigningSecret } from "../storage/signing-secret";
import {
  resolveInngestConnection,
  type InngestConnection,
  type InngestSettings,
} from "../workflows/inngest-connection";
import { ConfigurationError } from "./configuration-error";

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
export function readDeploymentConfig(): DeploymentConfig {
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
  const shared = isPostgresUrl(dbEnv.databaseUrl);
  const dataDir = resolveDataDir();
  const inngest: InngestSettings = {
    eventKey: serverEnv.inngestEventKey,
    signingKey: serverEnv.inngestSigningKey,
    dev: serverEnv.inngestDev,
    baseUrl: serverEnv.inngestBaseUrl,
    serveOrigin: serverEnv.inngestServeOrigin,
    servePath: serverEnv.inngestServePath,
  };
  const connection = attempt(() => resolveInngestConnection(inngest));
  const signingSecret = attempt(() =>
    loadSigningSecret({ fromEnv: serverEnv.signingSecret, dataDir, shared }),
  );
  const storage = attempt(() => storageChoice(shared, dataDir));
  const redisUrl = serverEnv.redisUrl;
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

function storageChoice(shared: boolean, dataDir: string): StorageChoice {
  const bucket = serverEnv.s3Bucket;
  const requested = serverEnv.artifactStorage ?? (bucket ? "s3" : shared ? "database" : "local");
  switch (requested) {
    case "local":
      return { kind: "local", dir: serverEnv.storageDir ?? path.join(dataDir, "artifacts") };
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
          prefix: serverEnv.s3Prefix,
          endpoint: serverEnv.s3Endpoint,
          region: serverEnv.s3Region,
          forcePathStyle: serverEnv.s3ForcePathStyle,
        },
      };
    default:
      throw new ConfigurationError([
        `STUDIO_ARTIFACT_STORAGE is "${requested}"; use local, database or s3.`,
      ]);
  }
}
