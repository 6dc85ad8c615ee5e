import { afterEach, describe, expect, it } from "vitest";
import { hostedFailureContract } from "../test/hosted-contract";
import { sampleImage, sendJson, startStub, type StubServer } from "../test/stub-server";
import { createOpenAiImageModel, OPENAI_MODEL_ID } from "./openai";

describe("OpenAI Images adapter", () => {
  const contract = hostedFailureContract(createOpenAiImageModel);
  let stub: StubServer | undefined;
  afterEach(() => stub?.close());

  it("posts the prompt to /v1/images/generations and normalises b64_json to PNG at the requested size", async () => {
    const image = await sampleImage("png", 1536, 1024);
    stub = await startStub((_, res) =>
      sendJson(res, 200, { created: 1, data: [{ b64_json: image.toString("base64") }] }),
    );
    const model = createOpenAiImageModel({ apiKey: "sk-test", baseUrl: stub.baseUrl });
    const result = await model.render(contract.request);
    contract.expectNormalised(result);
    expect(result.modelId).toBe(OPENAI_MODEL_ID);
    const sent = stub.requests[0];
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/v1/images/generations");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      model: "gpt-image-1",
      prompt: contract.request.prompt,
      n: 1,
      size: "1536x1024",
    });
  });

  it("reports an answer without an image as malformed", async () => {
    stub = await startStub((_, res) => sendJson(res, 200, { data: [] }));
    await expect(
      createOpenAiImageModel({ apiKey: "k", baseUrl: stub.baseUrl }).render(contract.request),
    ).rejects.toMatchObject({
      code: "server_error",
      message: expect.stringContaining("malformed") as unknown,
    });
  });
});
