import { parseColor } from "@garment/styling";
import type { ReferenceData } from "./reference-data";

/** Choices the spec form offers that the public API has no list for (pilot brands). */
export async function getFormOptions(reference: ReferenceData) {
  return {
    pilot_brands: (await reference.brands()).map((b) => ({ slug: b.slug, name: b.name })),
  };
}

/** The color the engine will understand for what is typed so far (swatch + recognised name). */
export function recognizeColor(text: string) {
  const parsed = parseColor(text);
  return parsed ? { hex: parsed.hex, name: parsed.name, source: parsed.source } : null;
}
