import { afterEach, describe, expect, it } from "vitest";
import { hostedFailureContract } from "../test/hosted-contract";
import { sampleImage, sendJson, startStub, type StubServer } from "../test/stub-server";
import { createGeminiImageModel, GEMINI_MODEL_ID } from "./gemini";

describe("Gemini image adapter", () => {
  const contract = hostedFailureContract(createGeminiImageModel);
  let stub: StubServer | undefined;
  afterEach(() => stub?.close());

  it("calls generateContent with x-goog-api-key and reads the inlineData part", async () => {
    const image = await sampleImage("jpeg", 900, 600);
    stub = await startStub((_, res) =>
      sendJson(res, 200, {
        candidates: [
          {
            content: {
              role: "model",
              parts: [
                { text: "Here is your image" },
                { inlineData: { mimeType: "image/jpeg", data: image.toString("base64") } },
              ],
            },
            finishReason: "STOP",
          },
        ],
      }),
    );
    const result = await createGeminiImageModel({ apiKey: "g-key", baseUrl: stub.baseUrl }).render(
      contract.request,
    );
    contract.expectNormalised(result);
    expect(result.modelId).toBe(GEMINI_MODEL_ID);
    expect(result.meta).toMatchObject({
      upstreamMimeType: "image/jpeg",
      upstreamAspectRatio: "3:2",
    });
    const sent = stub.requests[0];
    expect(sent?.url).toBe("/v1beta/models/gemini-2.5-flash-image:generateContent");
    expect(sent?.headers["x-goog-api-key"]).toBe("g-key");
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      contents: [{ parts: [{ text: contract.request.prompt }] }],
      generationConfig: { responseModalities: ["IMAGE"], imageConfig: { aspectRatio: "3:2" } },
    });
  });

  it("maps a blocked prompt and a safety finish to content_refused", async () => {
    stub = await startStub((_, res) =>
      sendJson(res, 200, { promptFeedback: { blockReason: "SAFETY" } }),
    );
    const model = createGeminiImageModel({ apiKey: "k", baseUrl: stub.baseUrl });
    await expect(model.render(contract.request)).rejects.toMatchObject({
      code: "content_refused",
      retriable: false,
    });
    await stub.close();
    stub = await startStub((_, res) =>
      sendJson(res, 200, {
        candidates: [{ content: { parts: [] }, finishReason: "IMAGE_SAFETY" }],
      }),
    );
    await expect(
      createGeminiImageModel({ apiKey: "k", baseUrl: stub.baseUrl }).render(contract.request),
    ).rejects.toMatchObject({
      code: "content_refused",
    });
  });

  it("reports a text-only answer as malformed", async () => {
    stub = await startStub((_, res) =>
      sendJson(res, 200, {
        candidates: [{ content: { parts: [{ text: "no" }] }, finishReason: "STOP" }],
      }),
    );
    await expect(
      createGeminiImageModel({ apiKey: "k", baseUrl: stub.baseUrl }).render(contract.request),
    ).rejects.toMatchObject({
      code: "server_error",
    });
  });
});
