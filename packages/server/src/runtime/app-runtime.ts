import type { DatabaseHandle, PrismaClient } from "@garment/db";
import type { ImageModelListing } from "@garment/imaging";
import type { Logger } from "pino";
import type { RateLimiter } from "../auth/rate-limit";
import type { WorkflowHandOff } from "../services/dispatch/dispatch-complementary-garment";
import type { ReferenceData } from "../services/reference/reference-data";
import type { ArtifactStorage } from "../storage/artifact-storage";
import type { UrlSigner } from "../storage/url-signer";
import type { WorkflowSystem } from "../workflows/workflow-system";
import type { ApiSettings } from "./api-settings";

/** The image models the API offers, as the transports and the dispatch service see them. */
export interface ImageModelDirectory {
  defaultModelId: string;
  isAvailable(id: string): boolean;
  /** Every model this build knows, available or not (`GET /v1/image-models`). */
  list(): ImageModelListing[];
}

/**
 * Everything a request needs, built once per process by createRuntime() and passed down
 * explicitly: no module opens a database or reads the environment on import.
 */
export interface AppRuntime {
  database: DatabaseHandle;
  db: PrismaClient;
  reference: ReferenceData;
  workflow: WorkflowHandOff;
  /** The Inngest functions and, by default, their embedded runner; null when a test hands off by hand. */
  workflows: WorkflowSystem | null;
  imageModels: ImageModelDirectory;
  storage: ArtifactStorage;
  signer: UrlSigner;
  logger: Logger;
  /** Body size, rate limit, outbound timeouts and webhook URL policy (mutable in tests). */
  settings: ApiSettings;
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}
