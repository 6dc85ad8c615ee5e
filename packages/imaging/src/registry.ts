import { BUILTIN_MODEL_ID, createBuiltinModel } from "./builtin/builtin-model";
import { createFalFluxModel, type FalFluxConfig } from "./hosted/fal-flux";
import { createGeminiImageModel } from "./hosted/gemini";
import type { HostedConfig } from "./hosted/http";
import { createOpenAiImageModel } from "./hosted/openai";
import type { ImageModel, ImageModelCapabilities } from "./image-model";

export type ImageModelListing = {
  id: string;
  displayName: string;
  kind: ImageModel["kind"];
  available: boolean;
  supports: ImageModelCapabilities;
};

export type ImageModelRegistry = {
  /** Every model this build knows, available or not (`GET /v1/image-models`). */
  list(): ImageModelListing[];
  get(id: string): ImageModel | undefined;
  /** The model used when a request names none: the built-in renderer. */
  defaultModel: ImageModel;
  /** The model `on_technical_failure: "fallback"` switches to: the built-in renderer. */
  fallbackModel: ImageModel;
};

/** Passed in by the server from its env module; this package never reads the environment. */
export type ImageModelRegistryConfig = {
  openai?: HostedConfig;
  gemini?: HostedConfig;
  falFlux?: FalFluxConfig;
  /** Further models (tests, experiments), listed last. */
  extra?: readonly ImageModel[];
};

export function createImageModelRegistry(
  config: ImageModelRegistryConfig = {},
): ImageModelRegistry {
  const builtin = createBuiltinModel();
  const models: ImageModel[] = [
    builtin,
    createOpenAiImageModel(config.openai ?? {}),
    createGeminiImageModel(config.gemini ?? {}),
    createFalFluxModel(config.falFlux ?? {}),
    ...(config.extra ?? []),
  ];
  const byId = new Map(models.map((m) => [m.id, m]));
  return {
    list: () =>
      models.map((m) => ({
        id: m.id,
        displayName: m.displayName,
        kind: m.kind,
        available: m.isAvailable(),
        supports: m.capabilities,
      })),
    get: (id) => byId.get(id),
    defaultModel: builtin,
    fallbackModel: builtin,
  };
}

export { BUILTIN_MODEL_ID };
