import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import compression from "compression";
import { SECURITY_HEADERS } from "../security-headers";
import type { ApiRoute, FetchHandler } from "./api-routes";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface FrontDoorOptions {
  /** Next's request handler: the Studio's pages, server actions and assets. */
  studio: NodeHandler;
  /** The API route of a path, or null for a Studio path. */
  apiRouteFor: (pathname: string) => ApiRoute | null;
  /** Answers an API request whose path no route claims (the API's 404 envelope). */
  apiNotFound: FetchHandler;
  /**
   * The host API handlers see in `request.url` (`localhost:<PORT>`, as under `next start`):
   * never the client's Host header, which would flow into absolute links and cached answers.
   */
  host: string;
  /** Logs an error no handler caught and answers the 500 envelope. */
  onError: (error: unknown) => Response;
  /** The runtime's lifecycle: the graceful shutdown waits for what it tracks. */
  lifecycle: ServingLifecycle;
}

/** What the door needs of the runtime's Lifecycle. */
export interface ServingLifecycle {
  readonly draining: boolean;
  track<T>(serve: () => Promise<T>): Promise<T>;
}

/**
 * One listener for the whole app. API paths go straight to their fetch handlers; everything
 * else goes to Next. Next's route layer cost about twice the CPU of a whole dispatch
 * (bench-results/served.md), and the API uses nothing of it but what is done here as Next did:
 * security headers, gzip, 308 to the canonical path, 405/OPTIONS from the route's methods.
 */
export function frontDoor(options: FrontDoorOptions): NodeListener {
  const { studio, apiRouteFor, apiNotFound, host, onError, lifecycle } = options;
  // compression works on Node's own request and response (Next's server uses it the same way);
  // its types name Express's, which add nothing it reads.
  const gzip = compression() as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => void;
  const api = getRequestListener(
    (request) => (apiRouteFor(new URL(request.url).pathname)?.handle ?? apiNotFound)(request),
    // Leave the global Request and Response alone: Next and the handlers share them.
    { overrideGlobalObjects: false, errorHandler: onError },
  );
  return (req, res) => {
    // Shutting down: answer, then close the connection, so keep-alive clients reconnect to
    // an instance that stays (the load balancer sees this one not ready).
    if (lifecycle.draining) res.setHeader("connection", "close");
    const target = originFormOf(req.url ?? "/");
    const route = target === null ? null : apiRouteFor(target.pathname);
    if (target === null || route === null) {
      // The API's handlers count themselves; pages and server actions (which may dispatch) are
      // counted here, until their answer is sent, so a graceful shutdown waits for them too.
      void lifecycle
        .track(async () => {
          const sent = new Promise((resolve) => res.once("close", resolve));
          await studio(req, res);
          await sent;
        })
        .catch((error: unknown) => fail(res, onError(error)));
      return;
    }
    // Set on the Node response, so they are on every answer, the listener's own 400s included.
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    const canonical = canonicalPath(target.pathname);
    if (canonical !== target.pathname) {
      res.writeHead(308, { location: canonical + target.search }).end();
      return;
    }
    const allowed = allowedMethods(route);
    if (!allowed.includes(req.method ?? "GET")) {
      const status = req.method === "OPTIONS" ? 204 : 405;
      res.writeHead(status, { allow: [...allowed, "OPTIONS"].join(", ") }).end();
      return;
    }
    // The handler reads the path from an origin-form target on our own host.
    req.url = target.pathname + target.search;
    req.headers.host = host;
    gzip(req, res, () => {
      api(req, res).catch((error: unknown) => fail(res, onError(error)));
    });
  };
}

/** The request target's path and query, dot segments resolved; null if it is not a URL path. */
function originFormOf(target: string): { pathname: string; search: string } | null {
  try {
    // An absolute-form target ("GET http://host/path") keeps only its path and query.
    const url = target.startsWith("/") ? new URL(`http://localhost${target}`) : new URL(target);
    return { pathname: url.pathname, search: url.search };
  } catch {
    return null; // Next answers it.
  }
}

/** Next's default: no trailing slash, no repeated slashes (it answers 308 to this form). */
function canonicalPath(pathname: string): string {
  const collapsed = pathname.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}

function allowedMethods(route: ApiRoute): string[] {
  return route.methods.includes("GET") ? [...route.methods, "HEAD"] : [...route.methods];
}

/** Last resort when a handler's promise itself rejects: answer if nothing was sent yet. */
function fail(res: ServerResponse, answer: Response): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  void answer.text().then((body) => {
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(body);
  });
}
