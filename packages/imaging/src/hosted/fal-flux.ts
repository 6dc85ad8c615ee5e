import type { ImageModel, RenderRequest } from "../image-model";
import { ALL_ASPECT_RATIOS, ALL_RESOLUTIONS } from "../image-model";
import { ImageModelError } from "../errors";
import {
  field,
  malformed,
  renderSignal,
  requestBytes,
  requestJson,
  sleep,
  type HostedConfig,
} from "./http";
import { normalizeToPng } from "./normalize-image";

export const FAL_FLUX_MODEL_ID = "fal-flux";

export type FalFluxConfig = HostedConfig & { pollIntervalMs?: number };

/**
 * FLUX on fal.ai through its queue: submit (POST {queue}/{model}), poll the status URL until
 * COMPLETED, read the result from the response URL, then download images[0].url.
 */
export function createFalFluxModel(config: FalFluxConfig): ImageModel {
  const baseUrl = (config.baseUrl ?? "https://queue.fal.run").replace(/\/$/, "");
  const model = config.model ?? "fal-ai/flux/dev";
  const timeoutMs = config.timeoutMs ?? 180_000;
  const pollIntervalMs = config.pollIntervalMs ?? 750;
  return {
    id: FAL_FLUX_MODEL_ID,
    displayName: `FLUX on fal.ai (${model})`,
    kind: "hosted",
    isAvailable: () => Boolean(config.apiKey),
    capabilities: {
      resolutions: ALL_RESOLUTIONS,
      aspectRatios: ALL_ASPECT_RATIOS,
      deterministicSeed: false,
    },
    async render(request: RenderRequest, options) {
      if (!config.apiKey)
        throw new ImageModelError("unauthorized", "fal.ai API key is not configured", {
          modelId: FAL_FLUX_MODEL_ID,
        });
      const signal = renderSignal(timeoutMs, options?.signal);
      const fetchImpl = config.fetch ?? fetch;
      const headers = { authorization: `Key ${config.apiKey}`, "content-type": "application/json" };
      const submitted = await requestJson(FAL_FLUX_MODEL_ID, fetchImpl, `${baseUrl}/${model}`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          prompt: request.prompt,
          image_size: upstreamSize(request),
          seed: request.seed,
          num_images: 1,
          output_format: "png",
          enable_safety_checker: true,
        }),
        signal,
      });
      const requestId = field(submitted, "request_id");
      if (typeof requestId !== "string") throw malformed(FAL_FLUX_MODEL_ID, "no request_id");
      const statusUrl = stringOr(
        field(submitted, "status_url"),
        `${baseUrl}/${model}/requests/${requestId}/status`,
      );
      const responseUrl = stringOr(
        field(submitted, "response_url"),
        `${baseUrl}/${model}/requests/${requestId}`,
      );
      for (;;) {
        const status = field(
          await requestJson(FAL_FLUX_MODEL_ID, fetchImpl, statusUrl, { headers, signal }),
          "status",
        );
        if (status === "COMPLETED") break;
        if (status !== "IN_QUEUE" && status !== "IN_PROGRESS")
          throw malformed(FAL_FLUX_MODEL_ID, `unknown status ${String(status)}`);
        try {
          await sleep(pollIntervalMs, signal);
        } catch (error) {
          throw new ImageModelError(
            "timeout",
            `${FAL_FLUX_MODEL_ID}: still queued at the deadline`,
            { modelId: FAL_FLUX_MODEL_ID, cause: error },
          );
        }
      }
      const result = await requestJson(FAL_FLUX_MODEL_ID, fetchImpl, responseUrl, {
        headers,
        signal,
      });
      const nsfw = field(result, "has_nsfw_concepts");
      if (Array.isArray(nsfw) && nsfw[0] === true)
        throw new ImageModelError("content_refused", "fal.ai safety checker flagged the image", {
          modelId: FAL_FLUX_MODEL_ID,
        });
      const image: unknown = (field(result, "images") as unknown[] | undefined)?.[0];
      const url = field(image, "url");
      if (typeof url !== "string") throw malformed(FAL_FLUX_MODEL_ID, "no images[0].url");
      const bytes = url.startsWith("data:")
        ? Buffer.from(url.slice(url.indexOf(",") + 1), "base64")
        : await requestBytes(FAL_FLUX_MODEL_ID, fetchImpl, url, { signal });
      return normalizeToPng(FAL_FLUX_MODEL_ID, bytes, request, {
        upstreamModel: model,
        upstreamRequestId: requestId,
        upstreamSeed: field(result, "seed") ?? null,
      });
    },
  };
}

/** FLUX works in multiples of 16 up to about 2 megapixels; larger outputs are upscaled after. */
function upstreamSize({ width, height }: RenderRequest): { width: number; height: number } {
  // Scale down to the area budget, or up so the short side reaches 256: never distort the aspect.
  const down = Math.sqrt((1440 * 1440) / (width * height));
  const up = 256 / Math.min(width, height);
  const scale = down < 1 ? down : Math.max(1, up);
  const snap = (v: number) => Math.max(16, Math.round((v * scale) / 16) * 16);
  return { width: snap(width), height: snap(height) };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.length > 0 ? value : fallback;
}
