import type { ServerEnv } from "../env";

/** How long what grows with traffic is kept; the retention function prunes past it. 0: forever. */
export interface RetentionSettings {
  /** The retention function's cron (Inngest's five fields, optional `TZ=`). */
  schedule: string;
  requestLogsDays: number;
  /** Never below the 24 h replay window, whatever is configured. */
  idempotencyKeysHours: number;
  /** Finished (completed or failed) workflow runs. */
  workflowRunsDays: number;
  /** The renders of refunded jobs (never served), after the job ended. */
  orphanArtifactsHours: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  schedule: "17 * * * *",
  requestLogsDays: 30,
  idempotencyKeysHours: 48,
  workflowRunsDays: 7,
  orphanArtifactsHours: 24,
};

/** How generations share the work: per client, and per kind of render in each instance. */
export interface FairnessSettings {
  /** Generations of one client executing at once, across every instance; 0: no limit. */
  clientConcurrency: number;
  /** Built-in (CPU-bound) renders at once in one instance. */
  builtinRenderSlots: number;
  /** Hosted-model (network-bound) renders at once in one instance. */
  hostedRenderSlots: number;
}

export const DEFAULT_FAIRNESS: FairnessSettings = {
  clientConcurrency: 2,
  // sharp draws the built-in renders on libuv's thread pool, 4 threads unless UV_THREADPOOL_SIZE.
  builtinRenderSlots: 4,
  // A hosted render is a request waiting on someone else's GPU: cheap here, slow there.
  hostedRenderSlots: 32,
};

/** Limits and outbound-call policy of the public API; one object per runtime. */
export interface ApiSettings {
  /** Largest request body accepted (bytes); past it the answer is 413 PAYLOAD_TOO_LARGE. */
  maxBodyBytes: number;
  /** The same for an operation that takes many rows at once (POST /v1/batches: 1,000 items). */
  maxBatchBodyBytes: number;
  /** Requests per credential per window; null turns the limit off. Past it: 429 RATE_LIMITED. */
  rateLimit: { requests: number; windowMs: number } | null;
  /** Most unfinished jobs one client may have; past it dispatch answers 429. null: no cap. */
  maxQueuedJobsPerClient: number | null;
  /** Deadline of each outbound HTTP call we make (webhook deliveries, hosted image models). */
  outboundTimeoutMs: number;
  webhooks: {
    /** Accept endpoints on private, loopback or link-local addresses (never in production by default). */
    allowPrivateUrls: boolean;
    /** Attempts per delivery (the first try plus retries), spaced by the workflow engine's backoff. */
    maxAttempts: number;
  };
  retention: RetentionSettings;
  fairness: FairnessSettings;
  /** The Bearer token /metrics asks for; null serves it without credentials (private network). */
  metricsToken: string | null;
  /**
   * How long an authenticated API key is kept in memory without a change announced for it (0:
   * never; every request reads its key row). Revocations take effect at once either way.
   */
  apiKeyCacheTtlMs: number;
  /** Brute-force limits on the Studio's sign-in. */
  signIn: SignInLimits;
  /**
   * The origin of the absolute links the API writes (image links in CSV exports, the OpenAPI
   * document's server), as clients reach the app behind its proxy; null: the request's own origin.
   */
  publicOrigin: string | null;
}

/** Brute-force limits on the Studio's sign-in. */
export interface SignInLimits {
  /** Failed sign-ins per account (email, known or not), from any address. */
  perAccount: { requests: number; windowMs: number };
  /** Failed sign-ins per client address (an IPv6 address counts by its /64), any account. */
  perAddress: { requests: number; windowMs: number };
  /** Password hash checks one process runs at once; more wait in a queue of `maxWaitingChecks`. */
  maxConcurrentChecks: number;
  maxWaitingChecks: number;
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For:
   * the address is the entry this many from the right (1: the last, which `next start` sets to
   * the socket's peer when no proxy sent one).
   */
  trustedProxyHops: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  // 10 wrong passwords at once, then one per 90 s: about 960 guesses a day at most per account.
  perAccount: { requests: 10, windowMs: 15 * 60_000 },
  // One address guessing across accounts: 30 at once, then one per 30 s.
  perAddress: { requests: 30, windowMs: 15 * 60_000 },
  // argon2id at 19 MiB: two at once keep two of libuv's four threads for everything else.
  maxConcurrentChecks: 2,
  maxWaitingChecks: 32,
  trustedProxyHops: 1,
};

export const DEFAULT_API_SETTINGS: ApiSettings = {
  maxBodyBytes: 64 * 1024,
  // 1,000 rows of a few hundred bytes each, with room for display names and some metadata.
  maxBatchBodyBytes: 4 * 1024 * 1024,
  rateLimit: { requests: 600, windowMs: 60_000 },
  maxQueuedJobsPerClient: 200,
  outboundTimeoutMs: 10_000,
  webhooks: { allowPrivateUrls: false, maxAttempts: 6 },
  retention: DEFAULT_RETENTION,
  fairness: DEFAULT_FAIRNESS,
  metricsToken: null,
  apiKeyCacheTtlMs: 60_000,
  publicOrigin: null,
  signIn: DEFAULT_SIGN_IN_LIMITS,
};

export function apiSettings(overrides: Partial<ApiSettings> = {}): ApiSettings {
  return {
    ...DEFAULT_API_SETTINGS,
    ...overrides,
    webhooks: { ...DEFAULT_API_SETTINGS.webhooks, ...overrides.webhooks },
    retention: { ...DEFAULT_API_SETTINGS.retention, ...overrides.retention },
    fairness: { ...DEFAULT_API_SETTINGS.fairness, ...overrides.fairness },
    signIn: { ...DEFAULT_API_SETTINGS.signIn, ...overrides.signIn },
  };
}

/** The settings a server process runs with: the defaults, overridden from the environment. */
export function apiSettingsFromEnv(env: ServerEnv): ApiSettings {
  const requests = env.STUDIO_RATE_LIMIT ?? DEFAULT_API_SETTINGS.rateLimit?.requests ?? 0;
  const queueCap =
    env.STUDIO_MAX_QUEUED_JOBS_PER_CLIENT ?? DEFAULT_API_SETTINGS.maxQueuedJobsPerClient ?? 0;
  return apiSettings({
    maxBodyBytes: env.STUDIO_MAX_BODY_BYTES ?? DEFAULT_API_SETTINGS.maxBodyBytes,
    rateLimit:
      requests === 0 ? null : { requests, windowMs: env.STUDIO_RATE_LIMIT_WINDOW_MS ?? 60_000 },
    maxQueuedJobsPerClient: queueCap === 0 ? null : queueCap,
    outboundTimeoutMs: env.STUDIO_OUTBOUND_TIMEOUT_MS ?? DEFAULT_API_SETTINGS.outboundTimeoutMs,
    apiKeyCacheTtlMs: env.STUDIO_API_KEY_CACHE_TTL_MS ?? DEFAULT_API_SETTINGS.apiKeyCacheTtlMs,
    publicOrigin: env.STUDIO_PUBLIC_URL ?? null,
    webhooks: {
      ...DEFAULT_API_SETTINGS.webhooks,
      allowPrivateUrls: env.STUDIO_WEBHOOK_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== "production",
    },
    metricsToken: env.STUDIO_METRICS_TOKEN ?? null,
    retention: {
      schedule: env.STUDIO_RETENTION_SCHEDULE ?? DEFAULT_RETENTION.schedule,
      requestLogsDays: env.STUDIO_RETAIN_REQUEST_LOGS_DAYS ?? DEFAULT_RETENTION.requestLogsDays,
      idempotencyKeysHours:
        env.STUDIO_RETAIN_IDEMPOTENCY_KEYS_HOURS ?? DEFAULT_RETENTION.idempotencyKeysHours,
      workflowRunsDays: env.STUDIO_RETAIN_WORKFLOW_RUNS_DAYS ?? DEFAULT_RETENTION.workflowRunsDays,
      orphanArtifactsHours:
        env.STUDIO_RETAIN_ORPHAN_ARTIFACTS_HOURS ?? DEFAULT_RETENTION.orphanArtifactsHours,
    },
    fairness: {
      clientConcurrency: env.STUDIO_CLIENT_CONCURRENCY ?? DEFAULT_FAIRNESS.clientConcurrency,
      builtinRenderSlots: env.STUDIO_BUILTIN_RENDER_SLOTS ?? DEFAULT_FAIRNESS.builtinRenderSlots,
      hostedRenderSlots: env.STUDIO_HOSTED_RENDER_SLOTS ?? DEFAULT_FAIRNESS.hostedRenderSlots,
    },
    signIn: {
      ...DEFAULT_SIGN_IN_LIMITS,
      trustedProxyHops: env.STUDIO_TRUSTED_PROXY_HOPS ?? DEFAULT_SIGN_IN_LIMITS.trustedProxyHops,
    },
  });
}
