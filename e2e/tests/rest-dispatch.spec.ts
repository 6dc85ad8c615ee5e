import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo-credentials";

// The original API page's curl body, verbatim: every value "example".
const SEED_BODY =
  '{ "image_model": "example", "eval_enabled": true, "resolution": "example", "aspect_ratio": "example", "seed": 1, "on_technical_failure": "example", "display_name": "", "garment_category_public_id": "example", "color": "example", "material": "example", "pattern": "example", "fit": "slim", "length": "example", "metadata": {}, "pilot_brand": "example" }';

const T_SHIRT = "01KDVDNA00ZKRRMS30Q0DXB47N";

test.describe("REST dispatch over real HTTP", () => {
  test("the seed's example body is a 422 naming each invalid field; valid values are a 202 that debits", async ({
    request,
  }) => {
    const { api_key } = demoCredentials();
    const headers = { Authorization: `Bearer ${api_key}`, "Content-Type": "application/json" };
    const before = (await (await request.get("/v1/credits", { headers })).json()) as {
      balance: number;
    };

    const rejected = await request.post("/v1/complementary-garment-generator", {
      headers,
      data: SEED_BODY,
    });
    expect(rejected.status()).toBe(422);
    const problem = (await rejected.json()) as {
      detail: { loc: string[] }[];
      error: { code: string; request_id: string };
    };
    expect(problem.error.code).toBe("VALIDATION_ERROR");
    expect(rejected.headers()["x-request-id"]).toBe(problem.error.request_id);
    expect(problem.detail.map((d) => d.loc[1]).sort()).toEqual(
      [
        "aspect_ratio",
        "color",
        "garment_category_public_id",
        "image_model",
        "on_technical_failure",
        "pilot_brand",
        "resolution",
      ].sort(),
    );

    const valid = JSON.parse(SEED_BODY) as Record<string, unknown>;
    Object.assign(valid, {
      image_model: null,
      resolution: "1K",
      aspect_ratio: "4:5",
      on_technical_failure: "retry",
      garment_category_public_id: T_SHIRT,
      color: "camel",
      material: "wool",
      pattern: "solid",
      length: "hip",
      pilot_brand: null,
    });
    const accepted = await request.post("/v1/complementary-garment-generator", {
      headers,
      data: valid,
    });
    expect(accepted.status()).toBe(202);
    const body = (await accepted.json()) as {
      request_id: string;
      job_id: string;
      status: string;
      credits_cost: number;
    };
    expect(body.status).toBe("NOT_STARTED");
    expect(accepted.headers()["location"]).toBe(`/v1/jobs/${body.job_id}`);
    const after = (await (await request.get("/v1/credits", { headers })).json()) as {
      balance: number;
    };
    expect(after.balance).toBe(before.balance - body.credits_cost);
  });

  test("malformed JSON is a 422 json_invalid, a missing key a 401", async ({ request }) => {
    const { api_key } = demoCredentials();
    const malformed = await request.post("/v1/complementary-garment-generator", {
      headers: { Authorization: `Bearer ${api_key}`, "Content-Type": "application/json" },
      // A Buffer goes out byte for byte; Playwright would JSON-encode an unparseable string.
      data: Buffer.from('{"color": '),
    });
    expect(malformed.status()).toBe(422);
    expect(((await malformed.json()) as { detail: { type: string }[] }).detail[0]?.type).toBe(
      "json_invalid",
    );
    const anonymous = await request.post("/v1/complementary-garment-generator", { data: {} });
    expect(anonymous.status()).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
      "UNAUTHENTICATED",
    );
  });
});
