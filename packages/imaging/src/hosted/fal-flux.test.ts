import { afterEach, describe, expect, it } from "vitest";
import { hostedFailureContract } from "../test/hosted-contract";
import { sampleImage, sendJson, startStub, type StubServer } from "../test/stub-server";
import { createFalFluxModel, FAL_FLUX_MODEL_ID } from "./fal-flux";

describe("FLUX on fal.ai (queue API) adapter", () => {
  const contract = hostedFailureContract((config) =>
    createFalFluxModel({ ...config, pollIntervalMs: 10 }),
  );
  let stub: StubServer | undefined;
  afterEach(() => stub?.close());

  /** A queue that reports IN_QUEUE, then IN_PROGRESS, then COMPLETED, as fal documents. */
  async function queueStub(result: (base: string) => unknown) {
    const image = await sampleImage("png", 1024, 688);
    let polls = 0;
    const server = await startStub((req, res) => {
      const base = server.baseUrl;
      if (req.method === "POST" && req.url === "/fal-ai/flux/dev")
        return sendJson(res, 200, {
          request_id: "req-1",
          status: "IN_QUEUE",
          status_url: `${base}/fal-ai/flux/requests/req-1/status`,
          response_url: `${base}/fal-ai/flux/requests/req-1`,
          cancel_url: `${base}/fal-ai/flux/requests/req-1/cancel`,
        });
      if (req.url === "/fal-ai/flux/requests/req-1/status") {
        polls++;
        return sendJson(res, 200, {
          status: polls === 1 ? "IN_QUEUE" : polls === 2 ? "IN_PROGRESS" : "COMPLETED",
        });
      }
      if (req.url === "/fal-ai/flux/requests/req-1") return sendJson(res, 200, result(base));
      if (req.url === "/files/out.png") {
        res.writeHead(200, { "content-type": "image/png" });
        return res.end(image);
      }
      sendJson(res, 404, { detail: "not found" });
    });
    return server;
  }

  it("submits, polls until COMPLETED, downloads images[0].url and normalises it", async () => {
    stub = await queueStub((base) => ({
      images: [
        { url: `${base}/files/out.png`, width: 1024, height: 688, content_type: "image/png" },
      ],
      seed: 5,
      has_nsfw_concepts: [false],
    }));
    const result = await createFalFluxModel({
      apiKey: "fal-key",
      baseUrl: stub.baseUrl,
      pollIntervalMs: 5,
    }).render(contract.request);
    contract.expectNormalised(result);
    expect(result.modelId).toBe(FAL_FLUX_MODEL_ID);
    expect(result.meta).toMatchObject({ upstreamRequestId: "req-1", upstreamSeed: 5 });
    const submit = stub.requests[0];
    expect(submit?.headers.authorization).toBe("Key fal-key");
    expect(JSON.parse(submit?.body ?? "{}")).toMatchObject({
      prompt: contract.request.prompt,
      seed: 5,
      num_images: 1,
      image_size: { width: 384, height: 256 },
    });
    expect(stub.requests.filter((r) => r.url.endsWith("/status"))).toHaveLength(3);
  });

  it("maps the safety checker's verdict to content_refused", async () => {
    stub = await queueStub((base) => ({
      images: [{ url: `${base}/files/out.png` }],
      has_nsfw_concepts: [true],
    }));
    await expect(
      createFalFluxModel({ apiKey: "k", baseUrl: stub.baseUrl, pollIntervalMs: 5 }).render(
        contract.request,
      ),
    ).rejects.toMatchObject({
      code: "content_refused",
    });
  });

  it("gives up with a retriable timeout while the request is still queued", async () => {
    stub = await startStub((req, res) =>
      req.method === "POST"
        ? sendJson(res, 200, { request_id: "slow" })
        : sendJson(res, 200, { status: "IN_QUEUE", queue_position: 3 }),
    );
    await expect(
      createFalFluxModel({
        apiKey: "k",
        baseUrl: stub.baseUrl,
        timeoutMs: 250,
        pollIntervalMs: 20,
      }).render(contract.request),
    ).rejects.toMatchObject({
      code: "timeout",
      retriable: true,
    });
  });
});
