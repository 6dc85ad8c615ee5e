import type { AspectRatio, Resolution, ResolvedGarment } from "@garment/schemas";

export interface RenderRequest {
  garment: ResolvedGarment;
  /** Text prompt for hosted models (the styling engine's prompt builder writes it). */
  prompt: string;
  /** 0 … 4294967295. */
  seed: number;
  width: number;
  height: number;
}

export interface RenderResult {
  /** PNG bytes, exactly `width`×`height`. */
  bytes: Uint8Array;
  contentType: "image/png";
  width: number;
  height: number;
  seed: number;
  modelId: string;
  meta: Record<string, unknown>;
}

export interface ImageModelCapabilities {
  resolutions: readonly Resolution[];
  aspectRatios: readonly AspectRatio[];
  /** True when the same request and seed give the same pixels. */
  deterministicSeed: boolean;
}

export interface RenderOptions {
  signal?: AbortSignal;
}

export interface ImageModel {
  id: string;
  displayName: string;
  kind: "builtin" | "hosted";
  isAvailable(): boolean;
  capabilities: ImageModelCapabilities;
  render(request: RenderRequest, options?: RenderOptions): Promise<RenderResult>;
}

export const ALL_RESOLUTIONS: readonly Resolution[] = ["0.5K", "1K", "2K", "4K"];
export const ALL_ASPECT_RATIOS: readonly AspectRatio[] = [
  "1:1",
  "2:3",
  "3:2",
  "3:4",
  "4:3",
  "4:5",
  "5:4",
  "9:16",
  "16:9",
  "21:9",
];
