export type {
  ImageModel,
  ImageModelCapabilities,
  RenderOptions,
  RenderRequest,
  RenderResult,
} from "./image-model";
export { ALL_ASPECT_RATIOS, ALL_RESOLUTIONS } from "./image-model";
export { ImageModelError, isImageModelError, type ImageModelErrorCode } from "./errors";
export { createBuiltinModel, BUILTIN_MODEL_ID } from "./builtin/builtin-model";
export {
  createImageModelRegistry,
  type ImageModelListing,
  type ImageModelRegistry,
  type ImageModelRegistryConfig,
} from "./registry";
export { evaluateRender, DEFAULT_COLOR_THRESHOLD } from "./evaluation/evaluate-render";
export type {
  EvaluationOptions,
  RenderCheck,
  RenderCheckName,
  RenderEvaluation,
  RenderTarget,
} from "./evaluation/types";
export type { HostedConfig } from "./hosted/http";
export { createOpenAiImageModel, OPENAI_MODEL_ID } from "./hosted/openai";
export { createGeminiImageModel, GEMINI_MODEL_ID } from "./hosted/gemini";
export { createFalFluxModel, FAL_FLUX_MODEL_ID, type FalFluxConfig } from "./hosted/fal-flux";
