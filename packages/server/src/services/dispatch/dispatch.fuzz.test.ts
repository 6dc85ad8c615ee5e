import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../../test/harness";
import { getBalance } from "../credits/balance";

// Values of every JSON type, for putting the wrong one in each field.
const anyJson = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 4 }),
);

const REQUIRED = ["garment_category_public_id", "color", "material", "pattern"] as const;

/** A body that is a valid spec with one required field broken (wrong type, removed or huge). */
const brokenSpec = fc
  .tuple(
    fc.constantFrom(...REQUIRED),
    fc.oneof(
      anyJson.filter((v) => typeof v !== "string"),
      fc.constant(undefined),
      fc.constant("x".repeat(5000)),
    ),
  )
  .map(([field, value]) => JSON.stringify({ ...validSpec(), [field]: value }));

/** Wrong types in the optional fields, with one required field broken too. */
const wrongOptionals = fc
  .record({
    fit: anyJson,
    resolution: anyJson,
    aspect_ratio: anyJson,
    seed: fc.oneof(anyJson, fc.constant(-1), fc.constant(2 ** 40), fc.constant(1.5)),
    eval_enabled: anyJson,
    on_technical_failure: anyJson,
    metadata: anyJson,
    display_name: anyJson,
  })
  .map((fields) => JSON.stringify({ ...validSpec(), ...fields, color: 12 }));

const deepObject = fc
  .integer({ min: 50, max: 5000 })
  .map((depth) => `{"metadata":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`);
const deepArray = fc
  .integer({ min: 1000, max: 30_000 })
  .map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);
const protoKeys = fc.constantFrom(
  '{"__proto__": {"admin": true}, "color": "navy"}',
  '{"constructor": {"prototype": {"x": 1}}, "metadata": {"__proto__": {"polluted": 1}}}',
  '{"metadata": {"__proto__": null}, "garment_category_public_id": {"__proto__": "x"}}',
);
const arbitraryJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
const garbageText = fc.string({ maxLength: 200 });

const malformedBody = fc.oneof(
  brokenSpec,
  wrongOptionals,
  deepObject,
  deepArray,
  protoKeys,
  arbitraryJson,
  garbageText,
);

describe("dispatch fuzzing (PGlite)", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    // 1,200 calls from one key would trip the per-credential rate limit (tested on its own).
    runtime = await createTestRuntime("pglite", { rateLimit: null });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("answers 1,200 malformed bodies with 4xx, never a 5xx, never a charge", async () => {
    const client = await createTestClient(runtime, 25);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(malformedBody, async (body) => {
        const res = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
          key: client.api_key,
          rawBody: body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
      }),
      { numRuns: 1200 },
    );
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(25);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
    expect([...statuses.keys()].every((s) => s === 422 || s === 413)).toBe(true);
    expect({} as Record<string, unknown>).not.toHaveProperty("admin");
  });
});
