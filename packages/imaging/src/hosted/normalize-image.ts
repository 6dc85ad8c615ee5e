import sharp from "sharp";
import { ImageModelError } from "../errors";
import type { RenderRequest, RenderResult } from "../image-model";

/**
 * Hosted models return their own sizes and formats; the product promises PNG at exactly the
 * requested size. Cover-resize keeps the centre (where the flat-lay garment sits).
 */
export async function normalizeToPng(
  modelId: string,
  image: Uint8Array,
  request: RenderRequest,
  meta: Record<string, unknown>,
): Promise<RenderResult> {
  let png: Buffer;
  let source: { width?: number; height?: number; format?: string };
  try {
    source = await sharp(image).metadata();
    png = await sharp(image)
      .resize(request.width, request.height, { fit: "cover", position: "centre" })
      .removeAlpha()
      .png()
      .toBuffer();
  } catch (error) {
    throw new ImageModelError("server_error", `${modelId}: returned image could not be decoded`, {
      modelId,
      cause: error,
    });
  }
  return {
    bytes: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    contentType: "image/png",
    width: request.width,
    height: request.height,
    seed: request.seed,
    modelId,
    meta: {
      ...meta,
      sourceWidth: source.width,
      sourceHeight: source.height,
      sourceFormat: source.format,
    },
  };
}

/** The aspect ratio from a list closest to width:height. */
export function nearestAspect<T extends string>(
  width: number,
  height: number,
  options: readonly T[],
): T {
  const target = Math.log(width / height);
  let best = options[0] as T;
  let bestDistance = Infinity;
  for (const option of options) {
    const [w, h] = option.split(/[:x]/).map(Number) as [number, number];
    const distance = Math.abs(Math.log(w / h) - target);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}
