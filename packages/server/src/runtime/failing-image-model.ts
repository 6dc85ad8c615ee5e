import {
  ALL_ASPECT_RATIOS,
  ALL_RESOLUTIONS,
  ImageModelError,
  type ImageModel,
} from "@garment/imaging";

export const FAILING_IMAGE_MODEL_ID = "test-always-fails";

/**
 * A model whose every render is a technical failure, offered only when
 * STUDIO_FAILING_IMAGE_MODEL=1 (end-to-end tests of the failure-and-refund path).
 */
export function createFailingImageModel(): ImageModel {
  return {
    id: FAILING_IMAGE_MODEL_ID,
    displayName: "Always fails (test model)",
    kind: "hosted",
    isAvailable: () => true,
    capabilities: {
      resolutions: ALL_RESOLUTIONS,
      aspectRatios: ALL_ASPECT_RATIOS,
      deterministicSeed: false,
    },
    render: () =>
      Promise.reject(
        new ImageModelError("server_error", "The test model always fails.", {
          modelId: FAILING_IMAGE_MODEL_ID,
          status: 500,
        }),
      ),
  };
}
