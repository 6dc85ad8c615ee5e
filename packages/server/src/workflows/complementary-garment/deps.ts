import type { PrismaClient } from "@garment/db";
import type { ImageModel, RenderEvaluation, RenderTarget } from "@garment/imaging";
import type { Logger } from "pino";
import type { Metrics } from "../../ports/metrics";
import type { ArtifactStorage } from "../../storage/artifact-storage";
import type { RenderSlots } from "./render-slots";

/** What the generation steps need, injected so tests can swap models and storage. */
export interface GenerationDeps {
  db: PrismaClient;
  storage: ArtifactStorage;
  /** Resolves a model id (only available models). */
  imageModel(id: string): ImageModel | undefined;
  /** The model `on_technical_failure: "fallback"` switches to. */
  fallbackModelId: string;
  evaluate(target: RenderTarget, image: Uint8Array): Promise<RenderEvaluation>;
  /** Renders at most this many times while the evaluation fails (default 3). */
  maxRenders?: number;
  /** Called once the job is terminal, to notify webhooks; must never throw. */
  announceFinished?: (jobId: string) => Promise<void>;
  /**
   * Most generations of one client executing at once, in every instance together (Inngest's
   * `concurrency` keyed by client; 0: no limit). Default 2.
   */
  clientConcurrency?: number;
  /** Renders, evaluations and terminal states for the operator (nothing recorded when absent). */
  metrics?: Metrics;
  /** This process's render slots per kind of model; without them renders are not bounded here. */
  renderSlots?: RenderSlots;
  /** One line per step outcome and job state change; the function binds jobId and requestId. */
  logger?: Logger;
}

export const DEFAULT_MAX_RENDERS = 3;
export const DEFAULT_CLIENT_CONCURRENCY = 2;
