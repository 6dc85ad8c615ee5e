import { createGarmentClient, waitForJob, type JobEvent } from "@garment/sdk";
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoCredentials } from "./demo-credentials";

// The document the SDK's types were generated from.
const SNAPSHOT = path.resolve(
  import.meta.dirname,
  "../../packages/server/src/openapi/openapi.snapshot.json",
);

const SPEC = {
  garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  color: "sage",
  material: "linen",
  pattern: "solid",
  fit: "regular",
  resolution: "0.5K",
  aspect_ratio: "4:5",
  seed: 11,
} as const;

/**
 * The REST contract against the production build, through the typed SDK: if the server, its
 * OpenAPI document and the SDK drift apart, this fails.
 */
test.describe("REST contract through the SDK (production build)", () => {
  test("the served OpenAPI document is the one the SDK was generated from", async ({ request }) => {
    const served = (await (await request.get("/v1/openapi.json")).json()) as {
      servers?: { url: string }[];
    };
    // The served copy names the host it was fetched from; everything else is the snapshot.
    const { servers, ...document } = served;
    expect(servers?.[0]?.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    expect(document).toEqual(JSON.parse(readFileSync(SNAPSHOT, "utf8")));
  });

  test("dispatch, waitForJob to SUCCESS, the signed image, and typed errors", async ({
    baseURL,
  }) => {
    const api = createGarmentClient({ baseUrl: baseURL!, apiKey: demoCredentials().api_key });
    const before = await api.GET("/v1/credits");
    expect(before.response.status).toBe(200);

    const accepted = await api.POST("/v1/complementary-garment-generator", { body: SPEC });
    expect(accepted.response.status).toBe(202);
    const jobId = accepted.data!.job_id!;
    expect(accepted.response.headers.get("location")).toBe(`/v1/jobs/${jobId}`);

    const seen: JobEvent[] = [];
    const job = await waitForJob(api, jobId, {
      initialDelayMs: 100,
      maxDelayMs: 1000,
      timeoutMs: 45_000,
      onEvent: (event) => seen.push(event),
    });
    expect(job.status).toBe("SUCCESS");
    expect(seen[0]?.event_type).toBe("queued");
    expect(seen.at(-1)?.event_type).toBe("succeeded");

    const image = await fetch(new URL(job.result[0]!.image_url, baseURL));
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");

    const after = await api.GET("/v1/credits");
    expect(after.data!.balance).toBe(before.data!.balance - accepted.data!.credits_cost);

    const stranger = createGarmentClient({ baseUrl: baseURL!, apiKey: "sk_live_not_a_key" });
    const denied = await stranger.GET("/v1/jobs/{public_id}", {
      params: { path: { public_id: jobId } },
    });
    expect(denied.response.status).toBe(401);
    expect(denied.error?.error.code).toBeTruthy();
  });
});
