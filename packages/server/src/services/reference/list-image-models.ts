import type { ImageModelListResponse } from "@garment/schemas";
import type { ImageModelDirectory } from "../../ports/image-model-directory";

/** GET /v1/image-models: every model this build knows, whether it is available here, what it supports. */
export function listImageModels(models: ImageModelDirectory): ImageModelListResponse {
  return {
    image_models: models.list().map((model) => ({
      id: model.id,
      display_name: model.displayName,
      kind: model.kind,
      available: model.available,
      default: model.id === models.defaultModelId,
      supports: {
        resolutions: [...model.supports.resolutions],
        aspect_ratios: [...model.supports.aspectRatios],
        deterministic_seed: model.supports.deterministicSeed,
      },
    })),
  };
}
