import type { DatabaseHandle, PrismaClient } from "@garment/db";
import type { Logger } from "pino";
import type { ApiKeyCache } from "../auth/api-key-cache";
import type { ApiKeyRow } from "../auth/authenticate";
import type { PasswordCheckGate } from "../auth/password-check-gate";
import type { RateLimiter } from "../auth/rate-limit";
import type { SignInThrottle } from "../auth/sign-in-throttle";
import type { ImageModelDirectory } from "../ports/image-model-directory";
import type { WorkflowEngine } from "../ports/workflow-engine";
import type { DispatchRecorder } from "../services/dispatch/dispatch-recorder";
import type { ReferenceData } from "../services/reference/reference-data";
import type { RequestLogWriter } from "../services/request-log";
import type { ArtifactStorage } from "../storage/artifact-storage";
import type { UrlSigner } from "../storage/url-signer";
import type { WorkflowSystem } from "../workflows/workflow-system";
import type { ApiSettings } from "../config/api-settings";
import type { PrometheusMetrics } from "../observability/prometheus-metrics";
import type { Lifecycle } from "./lifecycle";

/**
 * Everything a request needs, built once per process by createRuntime() and passed down
 * explicitly: no module opens a database or reads the environment on import.
 */
export type { ImageModelDirectory };

export interface AppRuntime {
  database: DatabaseHandle;
  db: PrismaClient;
  reference: ReferenceData;
  /** Records dispatches, one statement per client at a time (group commit). */
  dispatches: DispatchRecorder;
  /** Writes the request log, many requests' rows per statement. */
  requestLogs: RequestLogWriter;
  workflow: WorkflowEngine;
  /** The Inngest functions and, by default, their embedded runner; null when a test hands off by hand. */
  workflows: WorkflowSystem | null;
  imageModels: ImageModelDirectory;
  storage: ArtifactStorage;
  signer: UrlSigner;
  logger: Logger;
  /** The operator's counters and gauges (the core sees only the Metrics port); served at /metrics. */
  metrics: PrometheusMetrics;
  /** Body size, rate limit, outbound timeouts and webhook URL policy (mutable in tests). */
  settings: ApiSettings;
  rateLimiter: RateLimiter;
  /** Authenticated API keys, dropped as soon as the database announces a change to one. */
  apiKeys: ApiKeyCache<ApiKeyRow>;
  /** The Studio sign-in's defences: failure buckets in the database, a bound on hash checks. */
  signIn: { throttle: SignInThrottle; passwordChecks: PasswordCheckGate };
  /** Draining or not, and the requests in flight (readiness and the graceful shutdown). */
  lifecycle: Lifecycle;
  close(): Promise<void>;
}
