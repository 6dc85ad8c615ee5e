import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createGarmentClient, waitForJob, WaitForJobTimeout } from "./index";

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** A fetch that answers from a script and records when each call came. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; at: number; authorization: string | null }[] = [];
  const started = Date.now();
  const fetchImpl = async (input: Request | string | URL) => {
    const request = input as Request;
    calls.push({
      url: request.url,
      at: Date.now() - started,
      authorization: request.headers.get("authorization"),
    });
    const answer = answers.shift() ?? { status: 500, body: { error: { code: "INTERNAL" } } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  };
  return { fetch: fetchImpl, calls };
}

const event = (seq: number, event_type: string) => ({
  seq,
  event_type,
  visibility: "public",
  stage: null,
  message: "",
  artifacts: [],
  extra: {},
  created_at: "2026-12-01T00:00:00Z",
});
const events = (...list: ReturnType<typeof event>[]) => ({
  status: 200,
  body: { public_id: "J", events: list, latest_seq: list.at(-1)?.seq ?? null },
});

describe("waitForJob", () => {
  it("polls events with since=, backs off while idle, and returns the finished job", async () => {
    const { fetch, calls } = scriptedFetch([
      events(event(1, "queued")),
      events(),
      events(),
      events(event(2, "stage"), event(3, "succeeded")),
      { status: 200, body: { public_id: "J", status: "SUCCESS", result: [] } },
    ]);
    const client = createGarmentClient({ baseUrl: "http://api.test/", apiKey: "sk_test_x", fetch });
    const seen: number[] = [];
    const job = await waitForJob(client, "J", {
      initialDelayMs: 10,
      maxDelayMs: 1_000,
      onEvent: (e) => seen.push(e.seq),
    });
    expect(job).toMatchObject({ status: "SUCCESS" });
    expect(seen).toEqual([1, 2, 3]);
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      "",
      "?since=1",
      "?since=1",
      "?since=1",
      "",
    ]);
    expect(calls.every((c) => c.authorization === "Bearer sk_test_x")).toBe(true);
    // Idle polls double the pause: at least 10 ms, 20 ms, then 40 ms between calls.
    const gaps = calls.slice(1, 4).map((c, i) => c.at - calls[i]!.at);
    expect(gaps[0]!).toBeGreaterThanOrEqual(9);
    expect(gaps[1]!).toBeGreaterThanOrEqual(19);
    expect(gaps[2]!).toBeGreaterThanOrEqual(39);
  });

  it("waits out a 429's Retry-After and throws API errors with their code", async () => {
    const limited = scriptedFetch([
      { status: 429, body: { error: { code: "RATE_LIMITED" } }, headers: { "retry-after": "1" } },
      events(event(9, "failed")),
      { status: 200, body: { public_id: "J", status: "FAILURE", result: [] } },
    ]);
    const client = createGarmentClient({ baseUrl: "http://api.test", fetch: limited.fetch });
    const job = await waitForJob(client, "J", { initialDelayMs: 10 });
    expect(job).toMatchObject({ status: "FAILURE" });
    expect(limited.calls[1]!.at - limited.calls[0]!.at).toBeGreaterThanOrEqual(990);

    const missing = scriptedFetch([
      {
        status: 404,
        body: { error: { code: "JOB_NOT_FOUND", message: "No such job.", request_id: "R" } },
      },
    ]);
    const other = createGarmentClient({ baseUrl: "http://api.test", fetch: missing.fetch });
    await expect(waitForJob(other, "J")).rejects.toMatchObject({
      name: "GarmentApiError",
      status: 404,
      code: "JOB_NOT_FOUND",
      requestId: "R",
    });
  });

  it("gives up at the deadline", async () => {
    const { fetch } = scriptedFetch(Array.from({ length: 50 }, () => events()));
    const client = createGarmentClient({ baseUrl: "http://api.test", fetch });
    await expect(
      waitForJob(client, "J", { initialDelayMs: 10, timeoutMs: 100 }),
    ).rejects.toBeInstanceOf(WaitForJobTimeout);
  });
});

describe("generated types", () => {
  it("are up to date with the committed OpenAPI snapshot", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    // Exits non-zero (and this throws) when src/generated/api.ts differs from a fresh generation.
    execFileSync(
      "node_modules/.bin/openapi-typescript",
      [
        "../server/src/openapi/openapi.snapshot.json",
        "-o",
        "src/generated/api.ts",
        "--default-non-nullable",
        "false",
        "--check",
      ],
      { cwd: root, stdio: "pipe" },
    );
  });
});
