import sharp from "sharp";
import { rgbToLab, type Lab } from "./lab";

/** Analysis happens on a small copy: colours and coverage do not need 4K pixels. */
export const ANALYSIS_LONG_SIDE = 192;

export type DecodedImage = {
  /** Size of the image as delivered. */
  width: number;
  height: number;
  format: string;
  /** The downscaled copy the checks look at. */
  sample: { width: number; height: number; lab: Lab[] };
};

/** Decode any PNG / JPEG / WebP (transparency flattened onto white, as a page would show it). */
export async function decodeForAnalysis(image: Uint8Array): Promise<DecodedImage> {
  const input = sharp(image, { failOn: "error" });
  const metadata = await input.metadata();
  const { data, info } = await input
    .flatten({ background: "#ffffff" })
    .resize(ANALYSIS_LONG_SIDE, ANALYSIS_LONG_SIDE, {
      fit: "inside",
      kernel: "linear",
      withoutEnlargement: true,
    })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const count = info.width * info.height;
  const lab: Lab[] = new Array<Lab>(count);
  for (let i = 0; i < count; i++) {
    const o = i * info.channels;
    lab[i] = rgbToLab(data[o] ?? 0, data[o + 1] ?? 0, data[o + 2] ?? 0);
  }
  return {
    width: metadata.width ?? info.width,
    height: metadata.height ?? info.height,
    format: metadata.format ?? "unknown",
    sample: { width: info.width, height: info.height, lab },
  };
}
