import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { SECURITY_HEADERS } from "../security-headers";
import type { FetchHandler } from "./api-routes";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface FrontDoorRoutes {
  /** Next's request handler: the Studio's pages, server actions and assets. */
  studio: NodeHandler;
  /** The handler of an API path, or null for a Studio path. */
  apiHandlerFor: (pathname: string) => FetchHandler | null;
}

/**
 * One listener for the whole app. API paths go straight to their fetch handlers; everything
 * else goes to Next. Next's route layer cost about twice the CPU of a whole dispatch
 * (bench-results/served.md), and the API uses nothing of it.
 */
export function frontDoor({ studio, apiHandlerFor }: FrontDoorRoutes): NodeListener {
  const api = getRequestListener(
    async (request) => {
      const handler = apiHandlerFor(new URL(request.url).pathname);
      // Only when the two readings of the path disagree (an absolute-form request target).
      const response = handler
        ? await handler(request)
        : Response.json(
            { error: { code: "RESOURCE_NOT_FOUND", message: "No endpoint here." } },
            { status: 404 },
          );
      for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value);
      return response;
    },
    // Leave the global Request and Response alone: Next and the handlers share them.
    { overrideGlobalObjects: false },
  );
  return (req, res) => {
    // As `next start` does: with no proxy in front, the client is the socket's peer.
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const served = apiHandlerFor(pathnameOf(req.url)) ? api(req, res) : studio(req, res);
    // Both answer their own errors; a rejection would be a bug in one of them: close the
    // connection rather than leave the client waiting.
    Promise.resolve(served).catch(() => res.destroy());
  };
}

/** The path as a fetch handler reads it from `request.url`: dot segments resolved, no query. */
function pathnameOf(target = "/"): string {
  try {
    return new URL(target, "http://localhost").pathname;
  } catch {
    return "/"; // Not a path the API could serve: Next answers it.
  }
}
