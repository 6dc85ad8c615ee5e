import type { ImageModel, RenderRequest, RenderResult } from "../image-model";
import { ALL_ASPECT_RATIOS, ALL_RESOLUTIONS } from "../image-model";
import { ImageModelError } from "../errors";
import { renderFlatlay } from "./render-flatlay";

export const BUILTIN_MODEL_ID = "builtin-flatlay";

/** Largest canvas side we draw; 4K is the biggest resolution the API offers. */
const MAX_SIDE = 4096;

/**
 * The model that is always there: draws the planned garment as a flat-lay illustration.
 * Deterministic, so it is also the fallback when a hosted model keeps failing.
 */
export function createBuiltinModel(): ImageModel {
  return {
    id: BUILTIN_MODEL_ID,
    displayName: "Built-in flat-lay renderer",
    kind: "builtin",
    isAvailable: () => true,
    capabilities: {
      resolutions: ALL_RESOLUTIONS,
      aspectRatios: ALL_ASPECT_RATIOS,
      deterministicSeed: true,
    },
    async render(request: RenderRequest, options): Promise<RenderResult> {
      validateSize(request);
      if (options?.signal?.aborted) throw abortError(options.signal);
      const { png, meta } = await renderFlatlay(request);
      if (options?.signal?.aborted) throw abortError(options.signal);
      return {
        bytes: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
        contentType: "image/png",
        width: request.width,
        height: request.height,
        seed: request.seed,
        modelId: BUILTIN_MODEL_ID,
        meta,
      };
    },
  };
}

function validateSize({ width, height, seed }: RenderRequest) {
  const ok = (v: number) => Number.isInteger(v) && v >= 16 && v <= MAX_SIDE;
  if (!ok(width) || !ok(height))
    throw new ImageModelError(
      "bad_request",
      `size ${width}×${height} is outside 16…${MAX_SIDE} px`,
      {
        modelId: BUILTIN_MODEL_ID,
      },
    );
  if (!Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295)
    throw new ImageModelError("bad_request", `seed ${seed} is not an integer in 0…4294967295`, {
      modelId: BUILTIN_MODEL_ID,
    });
}

function abortError(signal: AbortSignal): ImageModelError {
  const timedOut = signal.reason instanceof Error && signal.reason.name === "TimeoutError";
  return new ImageModelError(timedOut ? "timeout" : "network", "render aborted", {
    modelId: BUILTIN_MODEL_ID,
    cause: signal.reason,
  });
}
