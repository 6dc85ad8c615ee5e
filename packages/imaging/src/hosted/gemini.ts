import type { ImageModel, RenderRequest } from "../image-model";
import { ALL_ASPECT_RATIOS, ALL_RESOLUTIONS } from "../image-model";
import { ImageModelError } from "../errors";
import { field, malformed, renderSignal, requestJson, type HostedConfig } from "./http";
import { nearestAspect, normalizeToPng } from "./normalize-image";

export const GEMINI_MODEL_ID = "google-gemini-image";
const REFUSALS = new Set([
  "SAFETY",
  "IMAGE_SAFETY",
  "PROHIBITED_CONTENT",
  "BLOCKLIST",
  "SPII",
  "RECITATION",
  "IMAGE_PROHIBITED_CONTENT",
]);

/** Gemini image generation: POST /v1beta/models/{model}:generateContent, image in an inlineData part. */
export function createGeminiImageModel(config: HostedConfig): ImageModel {
  const baseUrl = (config.baseUrl ?? "https://generativelanguage.googleapis.com").replace(
    /\/$/,
    "",
  );
  const model = config.model ?? "gemini-2.5-flash-image";
  const timeoutMs = config.timeoutMs ?? 120_000;
  return {
    id: GEMINI_MODEL_ID,
    displayName: `Google Gemini image (${model})`,
    kind: "hosted",
    isAvailable: () => Boolean(config.apiKey),
    capabilities: {
      resolutions: ALL_RESOLUTIONS,
      aspectRatios: ALL_ASPECT_RATIOS,
      deterministicSeed: false,
    },
    async render(request: RenderRequest, options) {
      if (!config.apiKey)
        throw new ImageModelError("unauthorized", "Gemini API key is not configured", {
          modelId: GEMINI_MODEL_ID,
        });
      const aspectRatio = nearestAspect(request.width, request.height, ALL_ASPECT_RATIOS);
      const json = await requestJson(
        GEMINI_MODEL_ID,
        config.fetch ?? fetch,
        `${baseUrl}/v1beta/models/${encodeURIComponent(model)}:generateContent`,
        {
          method: "POST",
          headers: { "x-goog-api-key": config.apiKey, "content-type": "application/json" },
          body: JSON.stringify({
            contents: [{ role: "user", parts: [{ text: request.prompt }] }],
            generationConfig: {
              responseModalities: ["IMAGE"],
              imageConfig: { aspectRatio },
              seed: request.seed % 2 ** 31,
            },
          }),
          signal: renderSignal(timeoutMs, options?.signal),
        },
      );
      const blockReason = field(field(json, "promptFeedback"), "blockReason");
      if (typeof blockReason === "string")
        throw new ImageModelError("content_refused", `Gemini blocked the prompt: ${blockReason}`, {
          modelId: GEMINI_MODEL_ID,
        });
      const candidate: unknown = (field(json, "candidates") as unknown[] | undefined)?.[0];
      if (candidate === undefined) throw malformed(GEMINI_MODEL_ID, "no candidates");
      const parts = field(field(candidate, "content"), "parts");
      const image = Array.isArray(parts)
        ? parts
            .map((p: unknown) => field(p, "inlineData") ?? field(p, "inline_data"))
            .find((d) => typeof field(d, "data") === "string")
        : undefined;
      if (!image) {
        const finish = field(candidate, "finishReason");
        if (typeof finish === "string" && REFUSALS.has(finish))
          throw new ImageModelError("content_refused", `Gemini refused the image: ${finish}`, {
            modelId: GEMINI_MODEL_ID,
          });
        throw malformed(GEMINI_MODEL_ID, "no inlineData image part");
      }
      return normalizeToPng(
        GEMINI_MODEL_ID,
        Buffer.from(field(image, "data") as string, "base64"),
        request,
        {
          upstreamModel: model,
          upstreamAspectRatio: aspectRatio,
          upstreamMimeType: field(image, "mimeType") ?? field(image, "mime_type") ?? null,
        },
      );
    },
  };
}
