import { serve } from "inngest/edge";
import type { WorkflowSystem } from "./workflow-system";

const handlers = new WeakMap<WorkflowSystem, (request: Request) => Promise<Response>>();

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
    const { connection } = system;
    handler = serve({
      client: system.client,
      functions: system.functions,
      ...(connection.mode !== "embedded"
        ? {
            servePath: connection.servePath,
            ...(connection.serveOrigin ? { serveOrigin: connection.serveOrigin } : {}),
          }
        : {}),
    });
    handlers.set(system, handler);
  }
  return handler(request);
}
