import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../security-headers";
import type { FetchHandler } from "./api-routes";
import { frontDoor } from "./front-door";

/** What the fake API handler saw, answered back as JSON. */
const echo: FetchHandler = async (request) =>
  Response.json(
    {
      method: request.method,
      url: request.url,
      forwardedFor: request.headers.get("x-forwarded-for"),
      body: request.method === "POST" ? await request.text() : null,
    },
    {
      status: 202,
      headers: [
        ["set-cookie", "a=1"],
        ["set-cookie", "b=2"],
      ],
    },
  );

/** An answer streamed in three chunks, the last one late. */
const streamed: FetchHandler = () =>
  new Response(
    new ReadableStream({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode("one,"));
        controller.enqueue(new TextEncoder().encode("two,"));
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.enqueue(new TextEncoder().encode("three"));
        controller.close();
      },
    }),
    { headers: { "content-type": "text/csv" } },
  );

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    frontDoor({
      studio: (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" }).end("<p>studio</p>");
      },
      apiHandlerFor: (pathname) =>
        pathname === "/v1/export.csv" ? streamed : pathname.startsWith("/v1/") ? echo : null,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the front door", () => {
  it("hands an API path to its handler with the method, query and body, and answers its response", async () => {
    const response = await fetch(`${base}/v1/things?limit=2`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(202);
    const seen = (await response.json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ method: "POST", body: '{"a":1}' });
    expect(new URL(String(seen.url)).pathname + new URL(String(seen.url)).search).toBe(
      "/v1/things?limit=2",
    );
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("adds the security headers Next adds to its own answers", async () => {
    const response = await fetch(`${base}/v1/anything`);
    for (const { key, value } of SECURITY_HEADERS) expect(response.headers.get(key)).toBe(value);
  });

  it("names the socket's peer in X-Forwarded-For when no proxy did, as `next start` does", async () => {
    const direct = (await (await fetch(`${base}/v1/a`)).json()) as { forwardedFor: string };
    expect(direct.forwardedFor).toMatch(/127\.0\.0\.1$/);
    const proxied = await fetch(`${base}/v1/a`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(((await proxied.json()) as { forwardedFor: string }).forwardedFor).toBe("203.0.113.9");
  });

  it("streams a streamed answer to the end", async () => {
    const response = await fetch(`${base}/v1/export.csv`);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await response.text()).toBe("one,two,three");
  });

  it("sends every other path to Next", async () => {
    for (const path of ["/", "/generate", "/v1", "/_next/static/x.js"]) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).toBe("<p>studio</p>");
    }
  });

  it("decides on the path as the handler reads it: dot segments cannot reach a Studio page through the API, or the API through a Studio path", async () => {
    const raw = await rawGet("/v1/../generate");
    expect(raw).toContain("<p>studio</p>");
    const intoApi = await rawGet("/studio/../v1/x");
    expect(intoApi).toContain('"method":"GET"');
  });
});

/** A GET with the request target exactly as given (fetch would normalize it). */
async function rawGet(target: string): Promise<string> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: target }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}
