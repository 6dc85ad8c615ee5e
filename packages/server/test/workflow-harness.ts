import { scaledBackoff } from "@garment/inngest-runner";
import { openTestDatabase, type DatabaseHandle, type DatabaseKind } from "@garment/db";
import {
  createImageModelRegistry,
  ImageModelError,
  type ImageModel,
  type RenderRequest,
} from "@garment/imaging";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino, type Logger } from "pino";
import type { ApiSettings } from "../src/config/api-settings";
import type { AppRuntime } from "../src/runtime/app-runtime";
import { createRuntime } from "../src/runtime/create-runtime";
import { imageModelDirectory } from "../src/runtime/image-model-directory";
import { LocalFolderStorage } from "../src/storage/local-folder-storage";
import { UrlSigner } from "../src/storage/url-signer";
import type { GenerationDeps } from "../src/workflows/complementary-garment/deps";
import { createWorkflowSystem } from "../src/workflows/workflow-system";

/**
 * A hosted-style test model that delegates to the built-in renderer after failing a set
 * number of times (or always), optionally holding each render until released.
 */
export class ScriptedModel implements ImageModel {
  readonly kind = "hosted" as const;
  readonly capabilities;
  calls = 0;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  entered: Promise<void>;
  private signalEntered!: () => void;

  constructor(
    readonly id: string,
    private readonly delegate: ImageModel,
    private failures: number,
    private readonly retriable = true,
  ) {
    this.capabilities = delegate.capabilities;
    this.entered = new Promise((resolve) => (this.signalEntered = resolve));
  }

  get displayName() {
    return `Scripted ${this.id}`;
  }
  isAvailable() {
    return true;
  }
  /** From now on, fails the next `count` renders (-1: every one), e.g. after a job succeeded. */
  failNext(count: number) {
    this.failures = count;
  }
  /** Makes renders wait until release() (for cancel-mid-run tests). */
  hold() {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  release() {
    this.openGate?.();
  }

  async render(request: RenderRequest) {
    this.calls += 1;
    this.signalEntered();
    if (this.gate) await this.gate;
    if (this.failures !== 0) {
      if (this.failures > 0) this.failures -= 1;
      throw new ImageModelError(
        this.retriable ? "server_error" : "content_refused",
        `scripted failure #${this.calls}`,
        { modelId: this.id },
      );
    }
    return { ...(await this.delegate.render(request)), modelId: this.id };
  }
}

export interface WorkflowTestRuntime extends AppRuntime {
  models: Map<string, ScriptedModel>;
}

export async function createWorkflowTestRuntime(
  kind: DatabaseKind,
  options: {
    leaseMs?: number;
    models?: (builtin: ImageModel) => ScriptedModel[];
    generation?: Partial<GenerationDeps>;
    database?: DatabaseHandle;
    concurrency?: number;
    settings?: Partial<ApiSettings>;
    /** Silent unless a test reads the lines. */
    logger?: Logger;
  } = {},
): Promise<WorkflowTestRuntime> {
  const base = createImageModelRegistry();
  const scripted = options.models?.(base.defaultModel) ?? [];
  const registry = createImageModelRegistry({ extra: scripted });
  const runtime = await createRuntime({
    database: options.database ?? (await openTestDatabase(kind)),
    storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-wf-artifacts-"))),
    signer: new UrlSigner("test"),
    imageModels: imageModelDirectory(registry),
    logger: options.logger ?? pino({ level: "silent" }),
    ...(options.settings ? { settings: options.settings } : {}),
    workflow: (parts) =>
      createWorkflowSystem({
        ...parts,
        imageModels: registry,
        inngest: {},
        // Inngest's retry schedule, a thousand times as fast (15 ms, 30 ms, 60 ms…).
        backoff: scaledBackoff(1 / 1_000),
        pollIntervalMs: 25,
        concurrency: options.concurrency ?? 4,
        ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
        ...(options.generation ? { generation: options.generation } : {}),
      }),
  });
  return Object.assign(runtime, { models: new Map(scripted.map((m) => [m.id, m])) });
}

/** Waits until the embedded runner has nothing left to do. */
export async function settle(runtime: AppRuntime, timeoutMs = 60_000) {
  await runtime.workflows?.runner?.waitForIdle({ timeoutMs });
}
