import { testDatabaseKinds } from "@garment/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  createTestClient,
  createTestRuntime,
  validSpec,
  type TestRuntime,
} from "../../test/harness";
import { getBalance } from "../services/credits/balance";
import { createContextInner } from "../trpc/context";
import { handleTrpcRequest } from "../trpc/handler";
import { procedure, router } from "../trpc/init";

// Attack: send text PostgreSQL cannot store. A NUL in `display_name` or inside `metadata`
// (`text` refuses U+0000, `jsonb` refuses `\u0000` and unpaired surrogates) reached the
// database and answered 500, on REST and on tRPC. Every such string is now a 422 that names its
// field, checked once at the edge for every operation and transport.

/** How many cases each fuzz property runs: `FUZZ_RUNS=10000` for the benchmark run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const NUL = "\u0000";
const LONE_HIGH = "\ud800";
const LONE_LOW = "\udfff";

async function trpcCall(
  runtime: TestRuntime,
  key: string,
  path: string,
  input: unknown,
  kind: "query" | "mutation" = "mutation",
) {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const request =
    kind === "mutation"
      ? new Request(`http://studio.test/api/trpc/${path}`, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
        })
      : new Request(
          `http://studio.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
          { headers },
        );
  const response = await handleTrpcRequest(runtime, request);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

describe.each(testDatabaseKinds())("unstorable text on %s", (kind) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    // Hundreds of calls from one key would trip the per-credential rate limit (tested on its own).
    runtime = await createTestRuntime(kind, {
      rateLimit: null,
      webhooks: { allowPrivateUrls: true, maxAttempts: 1 },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  const DISPATCH = "/v1/complementary-garment-generator";
  const CASES: { name: string; body: unknown; loc: (string | number)[] }[] = [
    {
      name: "a NUL in display_name",
      body: validSpec({ display_name: `a${NUL}b` }),
      loc: ["body", "display_name"],
    },
    {
      name: "an unpaired high surrogate in display_name",
      body: validSpec({ display_name: `a${LONE_HIGH}b` }),
      loc: ["body", "display_name"],
    },
    {
      name: "an unpaired low surrogate in pilot_brand",
      body: validSpec({ pilot_brand: `${LONE_LOW}` }),
      loc: ["body", "pilot_brand"],
    },
    {
      name: "a NUL inside a metadata value",
      body: validSpec({ metadata: { note: { deeper: [1, `x${NUL}`] } } }),
      loc: ["body", "metadata", "note", "deeper", 1],
    },
    {
      name: "a NUL in a metadata key",
      body: validSpec({ metadata: { [`k${NUL}`]: "v" } }),
      loc: ["body", "metadata", "k\uFFFD"],
    },
    {
      name: "an unpaired surrogate in a metadata key",
      body: validSpec({ metadata: { [`${LONE_HIGH}k`]: "v" } }),
      loc: ["body", "metadata", "\uFFFDk"],
    },
  ];

  it.each(CASES)("REST dispatch: $name is a 422 naming the field, nothing charged", async (c) => {
    const client = await createTestClient(runtime, 50);
    const res = await callApi(runtime, "POST", DISPATCH, { key: client.api_key, body: c.body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
    expect(res.body.detail).toEqual([
      { loc: c.loc, type: "string_unstorable", msg: expect.any(String) },
    ]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
  });

  it.each(CASES)("tRPC dispatch: $name is a 422 naming the field, nothing charged", async (c) => {
    const client = await createTestClient(runtime, 50);
    const res = await trpcCall(runtime, client.api_key, "complementaryGarment.dispatch", c.body);
    expect(res.status).toBe(422);
    expect(res.body.error.data.code).toBe("UNPROCESSABLE_CONTENT");
    expect(res.body.error.data.api.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.data.api.detail.map((d: { loc: unknown }) => d.loc)).toEqual([c.loc]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
  });

  it("every other text field, in the body, the query and the path, is a 422 too", async () => {
    const client = await createTestClient(runtime, 50);
    const key = client.api_key;
    const calls: [method: string, path: string, body: unknown, loc: (string | number)[]][] = [
      [
        "POST",
        "/v1/webhooks/endpoints",
        { url: "http://127.0.0.1:9/hooks", description: `night${NUL}` },
        ["body", "description"],
      ],
      [
        "POST",
        "/v1/batches",
        { items: [validSpec(), { ...validSpec(), sku: `SKU${LONE_HIGH}` }] },
        ["body", "items", 1, "sku"],
      ],
      ["GET", "/v1/jobs/JOB%00", undefined, ["path", "public_id"]],
      ["GET", "/v1/catalog/complementary-garments/X%00", undefined, ["path", "public_id"]],
      ["GET", "/v1/usage?cursor=a%00b", undefined, ["query", "cursor"]],
    ];
    for (const [method, path, body, loc] of calls) {
      const res = await callApi(runtime, method, path, {
        key,
        ...(body === undefined ? {} : { body }),
      });
      expect({ path, status: res.status, loc: res.body.detail?.[0]?.loc }).toEqual({
        path,
        status: 422,
        loc,
      });
    }
    const query = await trpcCall(runtime, key, "jobs.get", { public_id: `J${NUL}` }, "query");
    expect(query.status).toBe(422);
    expect(query.body.error.data.api.detail[0].loc).toEqual(["body", "public_id"]);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(50);
  });

  // Full Unicode (astral planes, combining marks, controls) with at least one NUL or unpaired
  // surrogate spliced in, at a random place of a random text field, over both transports.
  const anyCodePoint = fc.string({ unit: "binary", maxLength: 30 });
  const unstorableChar = fc.oneof(
    fc.constant(NUL),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  );
  const unstorableString = fc
    .tuple(anyCodePoint, unstorableChar, anyCodePoint)
    .map(([before, bad, after]) => before + bad + after);
  const TEXT_FIELDS = ["display_name", "pilot_brand", "color", "material", "image_model"] as const;
  const poisonedSpec = fc.oneof(
    fc
      .tuple(fc.constantFrom(...TEXT_FIELDS), unstorableString)
      .map(([field, text]) => ({ body: { ...validSpec(), [field]: text }, loc: ["body", field] })),
    fc.tuple(fc.string({ maxLength: 8 }), unstorableString).map(([key, text]) => ({
      body: validSpec({ metadata: { [key]: text } }),
      loc: ["body", "metadata", key],
    })),
  );

  it(`fuzz: ${RUNS} poisoned dispatches per transport, all 422 naming the field, never a charge`, async () => {
    const client = await createTestClient(runtime, 25);
    await fc.assert(
      fc.asyncProperty(poisonedSpec, fc.boolean(), async ({ body, loc }, overTrpc) => {
        if (overTrpc) {
          const res = await trpcCall(
            runtime,
            client.api_key,
            "complementaryGarment.dispatch",
            body,
          );
          expect(res.status).toBe(422);
          expect(res.body.error.data.api.detail[0].loc).toEqual(loc);
        } else {
          const res = await callApi(runtime, "POST", DISPATCH, { key: client.api_key, body });
          expect(res.status).toBe(422);
          expect(res.body.detail[0].loc).toEqual(loc);
        }
      }),
      { numRuns: RUNS * 2 },
    );
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(25);
    expect(await runtime.db.job.count({ where: { clientId: client.client_id } })).toBe(0);
  }, 600_000);

  it(`fuzz: ${RUNS} well-formed full-Unicode texts are stored or refused, never a 5xx`, async () => {
    const client = await createTestClient(runtime, 1_000_000);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        anyCodePoint,
        fc.dictionary(anyCodePoint, anyCodePoint, { maxKeys: 3 }),
        fc.boolean(),
        async (name, metadata, overTrpc) => {
          const body = validSpec({ display_name: name, metadata });
          const status = overTrpc
            ? (await trpcCall(runtime, client.api_key, "complementaryGarment.dispatch", body))
                .status
            : (await callApi(runtime, "POST", DISPATCH, { key: client.api_key, body })).status;
          expect(status).toBeLessThan(500);
          if (status === 200 || status === 202) accepted += 1;
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(await getBalance(runtime.db, client.client_id, "live")).toBe(1_000_000 - 5 * accepted);
  }, 600_000);
});

describe("tRPC internal errors", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime("pglite");
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("a 5xx thrown outside an operation carries no internal message and no stack", async () => {
    const secret = 'Invalid `prisma.job.create()` invocation: relation "jobs" at 10.0.0.7';
    const probe = router({
      boom: procedure.query(() => {
        throw new Error(secret);
      }),
    });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://studio.test/api/trpc/boom"),
      router: probe,
      createContext: () => createContextInner(runtime, new Headers(), "01TESTREQUEST0000000000000"),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("prisma");
    expect(text).not.toContain("10.0.0.7");
    const body = JSON.parse(text);
    expect(body.error.message).toBe("Something went wrong on our side.");
    expect(body.error.data.stack).toBeUndefined();
    expect(body.error.data.api).toEqual({
      code: "INTERNAL",
      request_id: "01TESTREQUEST0000000000000",
    });
  });
});
