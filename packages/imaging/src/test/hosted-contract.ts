import type { ServerResponse } from "node:http";
import { afterEach, expect, it } from "vitest";
import type { HostedConfig } from "../hosted/http";
import type { ImageModel } from "../image-model";
import { aGarment } from "./garment-fixture";
import { pngSize } from "./png";
import { sendJson, startStub, type RecordedRequest, type StubServer } from "./stub-server";

/**
 * The failure cases every hosted adapter must classify the same way, against a stub that
 * answers on the adapter's first call.
 */
export function hostedFailureContract(create: (config: HostedConfig) => ImageModel) {
  let stub: StubServer | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });
  const request = {
    garment: aGarment(),
    prompt: "flat-lay of a navy sweater",
    seed: 5,
    width: 300,
    height: 200,
  };
  const failWith = async (
    handler: (req: RecordedRequest, res: ServerResponse) => void,
    timeoutMs = 5000,
  ) => {
    stub = await startStub(handler);
    return create({ apiKey: "test-key", baseUrl: stub.baseUrl, timeoutMs }).render(request);
  };

  it("classifies 429 as rate_limited and retriable, with Retry-After", async () => {
    await expect(
      failWith((_, res) =>
        sendJson(res, 429, { error: { message: "slow down" } }, { "retry-after": "7" }),
      ),
    ).rejects.toMatchObject({
      code: "rate_limited",
      retriable: true,
      status: 429,
      retryAfterSeconds: 7,
    });
  });

  it("classifies 500 as server_error and retriable", async () => {
    await expect(
      failWith((_, res) => sendJson(res, 500, { error: { message: "boom" } })),
    ).rejects.toMatchObject({ code: "server_error", retriable: true });
  });

  it("classifies 400 as bad_request, not retriable", async () => {
    await expect(
      failWith((_, res) => sendJson(res, 400, { error: { message: "invalid size" } })),
    ).rejects.toMatchObject({ code: "bad_request", retriable: false });
  });

  it("classifies a content-policy 400 as content_refused, not retriable", async () => {
    await expect(
      failWith((_, res) =>
        sendJson(res, 400, {
          error: { code: "content_policy_violation", message: "rejected by the safety system" },
        }),
      ),
    ).rejects.toMatchObject({ code: "content_refused", retriable: false });
  });

  it("classifies 401 as unauthorized, not retriable", async () => {
    await expect(
      failWith((_, res) => sendJson(res, 401, { error: { message: "bad key" } })),
    ).rejects.toMatchObject({ code: "unauthorized", retriable: false });
  });

  it("times out a silent upstream as a retriable timeout", async () => {
    await expect(failWith(() => undefined, 300)).rejects.toMatchObject({
      code: "timeout",
      retriable: true,
    });
  });

  it("treats a malformed body as a retriable upstream error", async () => {
    await expect(
      failWith((_, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{not json");
      }),
    ).rejects.toMatchObject({ code: "server_error", retriable: true });
  });

  it("treats a refused connection as a retriable network error", async () => {
    const model = create({ apiKey: "k", baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    await expect(model.render(request)).rejects.toMatchObject({ code: "network", retriable: true });
  });

  it("is unavailable without a key and refuses to render", async () => {
    const model = create({ apiKey: "" });
    expect(model.isAvailable()).toBe(false);
    await expect(model.render(request)).rejects.toMatchObject({ code: "unauthorized" });
  });

  return {
    expectNormalised(result: Awaited<ReturnType<ImageModel["render"]>>) {
      expect(result.contentType).toBe("image/png");
      expect(pngSize(result.bytes)).toEqual({ width: request.width, height: request.height });
      expect(result.seed).toBe(request.seed);
    },
    request,
  };
}
