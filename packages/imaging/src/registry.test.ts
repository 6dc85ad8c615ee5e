import { describe, expect, it } from "vitest";
import { BUILTIN_MODEL_ID } from "./builtin/builtin-model";
import type { ImageModel } from "./image-model";
import { createImageModelRegistry } from "./registry";

const hostedStub = (available: boolean): ImageModel => ({
  id: "stub-hosted",
  displayName: "Stub",
  kind: "hosted",
  isAvailable: () => available,
  capabilities: { resolutions: ["1K"], aspectRatios: ["1:1"], deterministicSeed: false },
  render: () => Promise.reject(new Error("not used")),
});

describe("image model registry", () => {
  it("lists the built-in model first, available, as default and fallback", () => {
    const registry = createImageModelRegistry();
    expect(registry.list()[0]).toMatchObject({
      id: BUILTIN_MODEL_ID,
      kind: "builtin",
      available: true,
    });
    expect(registry.defaultModel.id).toBe(BUILTIN_MODEL_ID);
    expect(registry.fallbackModel.id).toBe(BUILTIN_MODEL_ID);
    expect(registry.get(BUILTIN_MODEL_ID)).toBe(registry.defaultModel);
    expect(registry.get("nope")).toBeUndefined();
  });

  it("reports hosted models with their availability and what they support", () => {
    const registry = createImageModelRegistry({ extra: [hostedStub(false)] });
    expect(registry.list().at(-1)).toEqual({
      id: "stub-hosted",
      displayName: "Stub",
      kind: "hosted",
      available: false,
      supports: { resolutions: ["1K"], aspectRatios: ["1:1"], deterministicSeed: false },
    });
  });
});

describe("hosted models in the registry", () => {
  it("lists OpenAI, Gemini and FLUX, available only when their key is configured", () => {
    const registry = createImageModelRegistry({
      openai: { apiKey: "sk-test" },
      gemini: { apiKey: "" },
    });
    const availability = Object.fromEntries(registry.list().map((m) => [m.id, m.available]));
    expect(availability).toEqual({
      [BUILTIN_MODEL_ID]: true,
      "openai-gpt-image": true,
      "google-gemini-image": false,
      "fal-flux": false,
    });
    expect(registry.get("fal-flux")?.kind).toBe("hosted");
  });
});
