/** The only place @garment/server reads the environment. */
function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value : undefined;
}

export const serverEnv = {
  get inngestEventKey() {
    return nonEmpty(process.env.INNGEST_EVENT_KEY);
  },
  get inngestSigningKey() {
    return nonEmpty(process.env.INNGEST_SIGNING_KEY);
  },
  get inngestDev() {
    return nonEmpty(process.env.INNGEST_DEV);
  },
  get inngestBaseUrl() {
    return nonEmpty(process.env.INNGEST_BASE_URL);
  },
  get port() {
    return nonEmpty(process.env.PORT) ?? "3000";
  },
  get signingSecret() {
    return nonEmpty(process.env.STUDIO_SIGNING_SECRET);
  },
  get storageDir() {
    return nonEmpty(process.env.STUDIO_STORAGE_DIR);
  },
  get logLevel() {
    return nonEmpty(process.env.LOG_LEVEL) ?? "info";
  },
  get demoCredits() {
    return Number(nonEmpty(process.env.STUDIO_DEMO_CREDITS) ?? 1000);
  },
  get openAiApiKey() {
    return nonEmpty(process.env.OPENAI_API_KEY);
  },
  get geminiApiKey() {
    return nonEmpty(process.env.GEMINI_API_KEY);
  },
  get falKey() {
    return nonEmpty(process.env.FAL_KEY);
  },
  get inngestServeOrigin() {
    return nonEmpty(process.env.INNGEST_SERVE_ORIGIN) ?? nonEmpty(process.env.INNGEST_SERVE_HOST);
  },
  get inngestServePath() {
    return nonEmpty(process.env.INNGEST_SERVE_PATH);
  },
  /** REDIS_URL: keep the shared rate limit in Redis instead of PostgreSQL. */
  get redisUrl() {
    return nonEmpty(process.env.REDIS_URL);
  },
  /** STUDIO_ARTIFACT_STORAGE: local | database | s3 (default: s3 with a bucket, database on PostgreSQL, else local). */
  get artifactStorage() {
    return nonEmpty(process.env.STUDIO_ARTIFACT_STORAGE);
  },
  get s3Bucket() {
    return nonEmpty(process.env.STUDIO_S3_BUCKET);
  },
  get s3Prefix() {
    return nonEmpty(process.env.STUDIO_S3_PREFIX);
  },
  get s3Endpoint() {
    return nonEmpty(process.env.STUDIO_S3_ENDPOINT);
  },
  get s3Region() {
    return nonEmpty(process.env.STUDIO_S3_REGION) ?? nonEmpty(process.env.AWS_REGION);
  },
  get s3ForcePathStyle() {
    return flag(process.env.STUDIO_S3_FORCE_PATH_STYLE);
  },
  /** STUDIO_FAILING_IMAGE_MODEL=1 offers a model that always fails (e2e of the refund path). */
  get failingImageModel() {
    return nonEmpty(process.env.STUDIO_FAILING_IMAGE_MODEL) === "1";
  },
};

function integer(value: string | undefined): number | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`Expected a non-negative integer, got "${text}".`);
  return parsed;
}

function flag(value: string | undefined): boolean | undefined {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined) return undefined;
  return text === "1" || text === "true" || text === "yes";
}

/** Limits of the public API (see runtime/api-settings.ts for the defaults). */
export const limitsEnv = {
  get production() {
    return process.env.NODE_ENV === "production";
  },
  /** STUDIO_MAX_BODY_BYTES: largest accepted request body (413 past it). */
  get maxBodyBytes() {
    return integer(process.env.STUDIO_MAX_BODY_BYTES);
  },
  /** STUDIO_RATE_LIMIT: requests per window per credential; 0 turns the limit off. */
  get rateLimit() {
    return integer(process.env.STUDIO_RATE_LIMIT);
  },
  get rateLimitWindowMs() {
    return integer(process.env.STUDIO_RATE_LIMIT_WINDOW_MS);
  },
  /** STUDIO_OUTBOUND_TIMEOUT_MS: deadline of each webhook delivery call and each call to Inngest. */
  get outboundTimeoutMs() {
    return integer(process.env.STUDIO_OUTBOUND_TIMEOUT_MS);
  },
  /** STUDIO_IMAGE_MODEL_TIMEOUT_MS: deadline of one hosted-model render call (default 120–180 s). */
  get imageModelTimeoutMs() {
    return integer(process.env.STUDIO_IMAGE_MODEL_TIMEOUT_MS);
  },
  /** STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS: accept private/loopback webhook URLs (default: not in production). */
  get webhookAllowPrivateUrls() {
    return flag(process.env.STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS);
  },
};
