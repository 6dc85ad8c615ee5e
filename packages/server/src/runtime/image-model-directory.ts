import type { ImageModelRegistry } from "@garment/imaging";
import type { ImageModelDirectory } from "../ports/image-model-directory";

/** The dispatch service's view of the image-model registry. */
export function imageModelDirectory(registry: ImageModelRegistry): ImageModelDirectory {
  return {
    defaultModelId: registry.defaultModel.id,
    isAvailable: (id) => registry.get(id)?.isAvailable() ?? false,
    list: () => registry.list(),
  };
}
