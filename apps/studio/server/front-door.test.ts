import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../security-headers";
import type { ApiRoute, FetchHandler } from "./api-routes";
import { frontDoor } from "./front-door";

/** What the fake API handler saw, answered back as JSON. */
const echo: FetchHandler = async (req) =>
  Response.json(
    {
      method: req.method,
      url: req.url,
      body: req.method === "POST" ? await req.text() : null,
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

const ROUTES: Record<string, ApiRoute> = {
  "/v1/export.csv": { methods: ["GET"], handle: streamed },
  "/v1/big": {
    methods: ["GET"],
    handle: () => Response.json({ items: Array.from({ length: 500 }, (_, i) => `item-${i}`) }),
  },
  "/v1/throws": {
    methods: ["GET"],
    handle: () => {
      throw new Error("secret internals");
    },
  },
  "/api/health": { methods: ["GET"], handle: () => new Response("ok") },
};
const errors: unknown[] = [];

/** A lifecycle that records how many requests it tracks at once. */
const lifecycle = {
  draining: false,
  inFlight: 0,
  async track<T>(serve: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await serve();
    } finally {
      this.inFlight -= 1;
    }
  },
};
let releaseSlowPage: () => void = () => {};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    frontDoor({
      studio: (req, res) => {
        if (req.url === "/slow") {
          // Next's handler may resolve before the answer is sent: hold the answer only.
          releaseSlowPage = () => res.writeHead(200).end("slow page");
          return;
        }
        res.writeHead(200, { "content-type": "text/html" }).end("<p>studio</p>");
      },
      apiRouteFor: (pathname) =>
        ROUTES[pathname] ??
        (pathname.startsWith("/v1/") ? { methods: ["GET", "POST"], handle: echo } : null),
      apiNotFound: () => new Response("not found", { status: 404 }),
      host: "localhost:3000",
      onError: (error) => {
        errors.push(error);
        return Response.json({ error: { code: "INTERNAL" } }, { status: 500 });
      },
      lifecycle,
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
    expect(await response.json()).toEqual({
      method: "POST",
      url: "http://localhost:3000/v1/things?limit=2",
      body: '{"a":1}',
    });
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("adds the security headers Next adds to its own answers", async () => {
    for (const path of ["/v1/anything", "/v1/throws", "/v1/things/"]) {
      const response = await fetch(`${base}${path}`, { redirect: "manual" });
      for (const { key, value } of SECURITY_HEADERS) {
        expect(response.headers.get(key), `${path} ${key}`).toBe(value);
      }
    }
  });

  it("builds the handler's URL on its own host, never the client's Host or an absolute target's", async () => {
    const spoofed = await raw("GET", "/v1/a", { host: "attacker.example" });
    expect(spoofed.body).toContain('"url":"http://localhost:3000/v1/a"');
    const absolute = await raw("GET", "http://attacker.example/v1/a?x=1");
    expect(absolute.body).toContain('"url":"http://localhost:3000/v1/a?x=1"');
  });

  it("streams a streamed answer to the end", async () => {
    const response = await fetch(`${base}/v1/export.csv`);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await response.text()).toBe("one,two,three");
  });

  it("gzips a large answer for a client that accepts it, as Next does", async () => {
    const zipped = await raw("GET", "/v1/big", { "accept-encoding": "gzip" }, true);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(zipped.bytes).toString()).items).toHaveLength(500);
    const plain = await raw("GET", "/v1/big");
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("answers 308 to the canonical path, as Next does, keeping the query", async () => {
    for (const [path, location] of [
      ["/v1/things/?a=1", "/v1/things?a=1"],
      ["/v1//things", "/v1/things"],
    ] as const) {
      const response = await fetch(`${base}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(308);
      expect(response.headers.get("location"), path).toBe(location);
    }
  });

  it("answers 405 with Allow for a method the route lacks, 204 to OPTIONS, and lets HEAD go where GET does", async () => {
    const post = await fetch(`${base}/api/health`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const options = await fetch(`${base}/api/health`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect((await fetch(`${base}/api/health`, { method: "HEAD" })).status).toBe(200);
  });

  it("logs an error no handler caught and answers the 500 envelope, without the error's text", async () => {
    const response = await fetch(`${base}/v1/throws`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret internals");
    expect(errors.some((error) => String(error).includes("secret internals"))).toBe(true);
  });

  it("sends every other path to Next, and answers a missing Host on API paths", async () => {
    for (const path of ["/", "/generate", "/v1", "/_next/static/x.js", "//evil/v1/a"]) {
      expect((await raw("GET", path)).body, path).toBe("<p>studio</p>");
    }
    const noHost = await raw("GET", "/api/health", { host: "" });
    expect(noHost.status).toBe(200);
  });

  it("counts a Studio request in flight until its answer is sent, for the graceful shutdown", async () => {
    const answer = fetch(`${base}/slow`);
    await expect.poll(() => lifecycle.inFlight).toBe(1);
    releaseSlowPage();
    expect(await (await answer).text()).toBe("slow page");
    await expect.poll(() => lifecycle.inFlight).toBe(0);
  });

  it("closes each connection after its answer while draining", async () => {
    expect((await raw("GET", "/v1/a")).headers.connection).toBe("keep-alive");
    lifecycle.draining = true;
    try {
      expect((await raw("GET", "/v1/a")).headers.connection).toBe("close");
      expect((await raw("GET", "/")).headers.connection).toBe("close");
    } finally {
      lifecycle.draining = false;
    }
  });

  it("decides on the path as the handler reads it: dot segments cannot reach a Studio page through the API, or the API through a Studio path", async () => {
    expect((await raw("GET", "/v1/../generate")).body).toBe("<p>studio</p>");
    expect((await raw("GET", "/studio/../v1/x")).body).toContain('"method":"GET"');
  });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** A request with the target and headers exactly as given (fetch would normalize them). */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  binary = false,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: binary ? "" : bytes.toString(),
          bytes,
        });
      });
    });
    req.on("error", reject);
    req.end();
  });
}
