import type { ImageModel, RenderRequest } from "../image-model";
import { ALL_ASPECT_RATIOS, ALL_RESOLUTIONS } from "../image-model";
import { ImageModelError } from "../errors";
import { field, malformed, renderSignal, requestJson, type HostedConfig } from "./http";
import { nearestAspect, normalizeToPng } from "./normalize-image";

export const OPENAI_MODEL_ID = "openai-gpt-image";
const SIZES = ["1024x1024", "1536x1024", "1024x1536"] as const;

/** OpenAI Images: POST /v1/images/generations, answer in data[0].b64_json. */
export function createOpenAiImageModel(config: HostedConfig): ImageModel {
  const baseUrl = (config.baseUrl ?? "https://api.openai.com").replace(/\/$/, "");
  const model = config.model ?? "gpt-image-1";
  const timeoutMs = config.timeoutMs ?? 120_000;
  return {
    id: OPENAI_MODEL_ID,
    displayName: `OpenAI Images (${model})`,
    kind: "hosted",
    isAvailable: () => Boolean(config.apiKey),
    // Any size is served by resampling the nearest native size.
    capabilities: {
      resolutions: ALL_RESOLUTIONS,
      aspectRatios: ALL_ASPECT_RATIOS,
      deterministicSeed: false,
    },
    async render(request: RenderRequest, options) {
      if (!config.apiKey)
        throw new ImageModelError("unauthorized", "OpenAI API key is not configured", {
          modelId: OPENAI_MODEL_ID,
        });
      const size = nearestAspect(request.width, request.height, SIZES);
      const body: Record<string, unknown> = { model, prompt: request.prompt, n: 1, size };
      if (model.startsWith("dall-e")) body.response_format = "b64_json";
      else body.output_format = "png";
      const json = await requestJson(
        OPENAI_MODEL_ID,
        config.fetch ?? fetch,
        `${baseUrl}/v1/images/generations`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${config.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: renderSignal(timeoutMs, options?.signal),
        },
      );
      const first: unknown = (field(json, "data") as unknown[] | undefined)?.[0];
      const b64 = field(first, "b64_json");
      if (typeof b64 !== "string" || b64.length === 0)
        throw malformed(OPENAI_MODEL_ID, "no data[0].b64_json");
      return normalizeToPng(OPENAI_MODEL_ID, Buffer.from(b64, "base64"), request, {
        upstreamModel: model,
        upstreamSize: size,
        revisedPrompt: field(first, "revised_prompt") ?? null,
      });
    },
  };
}
