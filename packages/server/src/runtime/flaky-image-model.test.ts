import { isImageModelError } from "@garment/imaging";
import { describe, expect, it } from "vitest";
import { readServerEnv } from "../env";
import { createFlakyImageModel, FLAKY_IMAGE_MODEL_ID } from "./flaky-image-model";

const request = {
  garment: {} as never,
  prompt: "",
  seed: 7,
  width: 64,
  height: 64,
};

const innerRender = {
  id: "inner",
  displayName: "inner",
  kind: "builtin" as const,
  isAvailable: () => true,
  capabilities: { resolutions: [], aspectRatios: [], deterministicSeed: true },
  render: () =>
    Promise.resolve({
      bytes: new Uint8Array([1]),
      contentType: "image/png" as const,
      width: 64,
      height: 64,
      seed: 7,
      modelId: "inner",
      meta: {},
    }),
};

describe("the flaky test model", () => {
  it("fails the configured share of renders and draws the rest with the inner model", async () => {
    // A fixed sequence of draws: below 0.3 fails at 30 %.
    const draws = [0.1, 0.5, 0.29, 0.3, 0.99];
    const model = createFlakyImageModel(30, () => draws.shift() ?? 1, innerRender);
    const outcomes = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        model.render(request).then(
          (result) => result.modelId,
          (error: unknown) => (isImageModelError(error) ? error.code : "other"),
        ),
      ),
    );
    expect(outcomes).toEqual([
      "server_error",
      FLAKY_IMAGE_MODEL_ID,
      "server_error",
      FLAKY_IMAGE_MODEL_ID,
      FLAKY_IMAGE_MODEL_ID,
    ]);
  });

  it("never fails at 0 % and always fails at 100 %", async () => {
    await expect(createFlakyImageModel(0, () => 0, innerRender).render(request)).resolves.toEqual(
      expect.objectContaining({ modelId: FLAKY_IMAGE_MODEL_ID }),
    );
    await expect(
      createFlakyImageModel(100, () => 0.999, innerRender).render(request),
    ).rejects.toThrow(/flaky/);
  });

  it("is configured by a percentage the environment schema checks", () => {
    expect(
      readServerEnv({ STUDIO_FLAKY_IMAGE_MODEL_PERCENT: "25" }).STUDIO_FLAKY_IMAGE_MODEL_PERCENT,
    ).toBe(25);
    expect(readServerEnv({}).STUDIO_FLAKY_IMAGE_MODEL_PERCENT).toBeUndefined();
    expect(() => readServerEnv({ STUDIO_FLAKY_IMAGE_MODEL_PERCENT: "101" })).toThrow(
      /STUDIO_FLAKY_IMAGE_MODEL_PERCENT/,
    );
  });
});
