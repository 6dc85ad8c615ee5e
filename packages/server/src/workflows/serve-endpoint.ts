import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/edge";
import type { InngestConnection } from "./inngest-connection";
import type { WorkflowSystem } from "./workflow-system";

export type ServeHandler = (request: Request) => Promise<Response>;

/** The SDK's serve handler for these functions, at the path and origin Inngest reaches. */
export function createInngestServeHandler(
  client: Inngest.Any,
  functions: InngestFunction.Any[],
  connection: InngestConnection,
): ServeHandler {
  return serve({
    client,
    functions,
    ...(connection.mode !== "embedded"
      ? {
          servePath: connection.servePath,
          ...(connection.serveOrigin ? { serveOrigin: connection.serveOrigin } : {}),
        }
      : {}),
  });
}

const handlers = new WeakMap<WorkflowSystem, ServeHandler>();

/**
 * The Inngest serve endpoint (`/api/inngest`) for a real Inngest. The embedded runner drives
 * the same functions in-process, so with no Inngest configured the endpoint is closed: in dev
 * mode it would run steps for anyone who asks.
 */
export async function serveInngest(
  system: WorkflowSystem | null,
  request: Request,
): Promise<Response> {
  if (!system || system.mode !== "inngest") {
    return new Response(
      JSON.stringify({
        message: "No Inngest server is configured; workflows run in the embedded runner.",
      }),
      {
        status: 404,
        headers: { "content-type": "application/json" },
      },
    );
  }
  let handler = handlers.get(system);
  if (!handler) {
    handler = createInngestServeHandler(system.client, system.functions, system.connection);
    handlers.set(system, handler);
  }
  return handler(request);
}
