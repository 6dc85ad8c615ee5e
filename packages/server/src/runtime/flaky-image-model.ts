import { createBuiltinModel, ImageModelError, type ImageModel } from "@garment/imaging";

export const FLAKY_IMAGE_MODEL_ID = "test-flaky";

/**
 * A model that fails `percent` % of its renders at random (a technical failure, as a hosted
 * model's 500 would be) and otherwise draws with the built-in renderer. Offered only when
 * STUDIO_FLAKY_IMAGE_MODEL_PERCENT is set: the system test (e2e/topology) mixes failures into a
 * load so the refund path runs under it. `random` is injectable for the unit test.
 */
export function createFlakyImageModel(
  percent: number,
  random: () => number = Math.random,
  inner: ImageModel = createBuiltinModel(),
): ImageModel {
  const share = Math.min(100, Math.max(0, percent)) / 100;
  return {
    id: FLAKY_IMAGE_MODEL_ID,
    displayName: `Fails ${percent} % of renders (test model)`,
    // It renders with the built-in renderer: CPU-bound like it, not network-bound.
    kind: "builtin",
    isAvailable: () => true,
    capabilities: inner.capabilities,
    async render(request, options) {
      if (random() < share)
        throw new ImageModelError("server_error", "The flaky test model failed this render.", {
          modelId: FLAKY_IMAGE_MODEL_ID,
          status: 500,
        });
      const result = await inner.render(request, options);
      return { ...result, modelId: FLAKY_IMAGE_MODEL_ID };
    },
  };
}
