import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { ulid } from "ulid";
import type { AppRuntime } from "../runtime/app-runtime";
import { createContextInner } from "./context";
import { appRouter } from "./root";

/** Serves tRPC over fetch Request/Response (mounted by the Next.js route at /api/trpc). */
export async function handleTrpcRequest(
  runtime: AppRuntime,
  request: Request,
  endpoint = "/api/trpc",
): Promise<Response> {
  const requestId = ulid();
  const response = await fetchRequestHandler({
    endpoint,
    req: request,
    router: appRouter,
    createContext: () => createContextInner(runtime, request.headers, requestId),
  });
  response.headers.set("x-request-id", requestId);
  return response;
}
