import { dbEnvSchema } from "@garment/db";
import {
  envChoice,
  envFlag,
  envInteger,
  envOrigin,
  envText,
  throwInvalidEnvironment,
  withoutBlankValues,
  type EnvSource,
} from "@garment/schemas";
import { createEnv } from "@t3-oss/env-core";

/**
 * Every variable @garment/server reads, with its default. To add one: a line here (with a
 * comment saying what it does), a row in the README's table, and read it from the parsed env
 * where the runtime is built (runtime/global.ts) — nowhere else reads `process.env`.
 */
export const serverEnvSchema = {
  NODE_ENV: envText(),
  /** Port the server listens on (`pnpm start`'s front door, and `next start` reads it too). */
  PORT: envInteger(1).default(3000),
  /** Address the front door listens on; unset: every interface, as `next start` does. */
  HOST: envText(),
  /** The origin clients reach the app at, for the absolute links it writes (CSV exports, OpenAPI). */
  STUDIO_PUBLIC_URL: envOrigin(),
  LOG_LEVEL: envChoice(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default(
    "info",
  ),

  // Workflow engine: a real Inngest (cloud / self-hosted / dev server) instead of the embedded runner.
  INNGEST_EVENT_KEY: envText(),
  INNGEST_SIGNING_KEY: envText(),
  /** "1": talk to an Inngest dev server at INNGEST_BASE_URL, unsigned. */
  INNGEST_DEV: envText(),
  INNGEST_BASE_URL: envText(),
  /** The app's public origin as Inngest reaches it (INNGEST_SERVE_HOST is the SDK's older name). */
  INNGEST_SERVE_ORIGIN: envText(),
  INNGEST_SERVE_HOST: envText(),
  /** Where Inngest reaches the serve endpoint (default /api/inngest). */
  INNGEST_SERVE_PATH: envText(),

  /** Keep the shared rate limit in Redis instead of PostgreSQL. */
  REDIS_URL: envText(),

  // Artifacts and their signed URLs.
  /** Required on PostgreSQL (every instance signs and verifies with it). */
  STUDIO_SIGNING_SECRET: envText(),
  /** local | database | s3 (default: s3 with a bucket, database on PostgreSQL, else local). */
  STUDIO_ARTIFACT_STORAGE: envText(),
  STUDIO_STORAGE_DIR: envText(),
  STUDIO_S3_BUCKET: envText(),
  STUDIO_S3_PREFIX: envText(),
  STUDIO_S3_ENDPOINT: envText(),
  /** The bucket's region (AWS_REGION when unset). */
  STUDIO_S3_REGION: envText(),
  AWS_REGION: envText(),
  STUDIO_S3_FORCE_PATH_STYLE: envFlag(),

  // Hosted image models: available when their key is set.
  OPENAI_API_KEY: envText(),
  GEMINI_API_KEY: envText(),
  FAL_KEY: envText(),
  /** Offer a model that always fails (e2e of the refund path). */
  STUDIO_FAILING_IMAGE_MODEL: envFlag(),
  /** Offer a model that fails this share (0–100 %) of renders at random (the system test). */
  STUDIO_FLAKY_IMAGE_MODEL_PERCENT: envInteger(0).refine(
    (percent) => percent === undefined || percent <= 100,
    "must be a percentage, 0 to 100",
  ),

  /** Credits granted to the embedded demo client at first start. */
  STUDIO_DEMO_CREDITS: envInteger(0).default(1000),

  // Limits of the public API (defaults in config/api-settings.ts).
  /** Largest accepted request body in bytes (413 past it). */
  STUDIO_MAX_BODY_BYTES: envInteger(1),
  /** Requests per window per credential; 0 turns the limit off. */
  STUDIO_RATE_LIMIT: envInteger(0),
  STUDIO_RATE_LIMIT_WINDOW_MS: envInteger(1),
  /** Reverse proxies that append to X-Forwarded-For before the app (sign-in throttle). Default 1. */
  STUDIO_TRUSTED_PROXY_HOPS: envInteger(1),
  /** Unfinished jobs one client may have (429 past it); 0 turns the cap off. Default 200. */
  STUDIO_MAX_QUEUED_JOBS_PER_CLIENT: envInteger(0),
  // Fairness (defaults in config/api-settings.ts).
  /** Generations of one client executing at once, across all instances (default 2; 0: no limit). */
  STUDIO_CLIENT_CONCURRENCY: envInteger(0),
  /** How long an API key stays cached per instance (revocations still act at once); 0: off. Default 60 s. */
  STUDIO_API_KEY_CACHE_TTL_MS: envInteger(0),
  /** Built-in (CPU-bound) renders at once per instance (default 4). */
  STUDIO_BUILTIN_RENDER_SLOTS: envInteger(1),
  /** Hosted-model (network-bound) renders at once per instance (default 32). */
  STUDIO_HOSTED_RENDER_SLOTS: envInteger(1),
  /** Deadline of each webhook delivery call and each call to Inngest. */
  STUDIO_OUTBOUND_TIMEOUT_MS: envInteger(1),
  /** Deadline of one hosted-model render call (default 120–180 s). */
  STUDIO_IMAGE_MODEL_TIMEOUT_MS: envInteger(1),
  // Graceful shutdown (SIGTERM/SIGINT).
  /** Everything (requests in flight, runs handed back, database closed) within this; default 25 s. */
  STUDIO_SHUTDOWN_GRACE_MS: envInteger(0).default(25_000),
  /** Keep serving this long after turning not-ready, for the load balancer to notice; default 0. */
  STUDIO_SHUTDOWN_DRAIN_MS: envInteger(0).default(0),
  /** Next's own: "true" leaves SIGTERM to us (else `next start` closes and exits on its own). */
  NEXT_MANUAL_SIG_HANDLE: envText(),
  /** Accept private/loopback webhook URLs (default: on unless NODE_ENV=production). */
  STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS: envFlag(),

  // Observability.
  /**
   * Bearer token that GET /metrics requires. Unset: /metrics answers anyone who reaches it, as
   * a scrape target on a private network does — keep it off the public load balancer then.
   */
  STUDIO_METRICS_TOKEN: envText(),
  /**
   * OTLP/HTTP collector base URL (spans go to <url>/v1/traces). Unset: no tracing SDK is
   * started and every span is a no-op.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: envText(),
  /** The `service.name` of the spans. */
  OTEL_SERVICE_NAME: envText().default("garment-studio"),

  // Retention (defaults in config/api-settings.ts); 0 keeps that kind forever.
  /** When the retention function prunes (a five-field cron, optional TZ=; default hourly). */
  STUDIO_RETENTION_SCHEDULE: envText(),
  /** Days of request_logs rows kept (default 30). */
  STUDIO_RETAIN_REQUEST_LOGS_DAYS: envInteger(0),
  /** Hours idempotency keys are kept (default 48); never pruned inside their 24 h replay window. */
  STUDIO_RETAIN_IDEMPOTENCY_KEYS_HOURS: envInteger(0),
  /** Days finished workflow runs are kept (default 7). */
  STUDIO_RETAIN_WORKFLOW_RUNS_DAYS: envInteger(0),
  /** Hours a refunded job's renders (never served) are kept after it ended (default 24). */
  STUDIO_RETAIN_ORPHAN_ARTIFACTS_HOURS: envInteger(0),
};

/**
 * The only place @garment/server reads the environment. Validated as a whole (the database
 * package's variables included), so a bad value stops the start with a message naming it.
 */
export function readServerEnv(source: EnvSource = process.env) {
  return createEnv({
    // The database package's variables too, so every bad value is reported in one message.
    server: { ...dbEnvSchema, ...serverEnvSchema },
    runtimeEnv: withoutBlankValues(source),
    isServer: true,
    onValidationError: throwInvalidEnvironment,
  });
}

export type ServerEnv = ReturnType<typeof readServerEnv>;
