import { ulid } from "../ids";
import type { Caller } from "../auth/caller";
import { identifyCaller } from "../edge/identify";
import { atTheEdge, type EdgeRequest } from "../edge/pipeline";
import { ApiError } from "../errors";
import { operations } from "../operations";
import type { AppRuntime } from "../runtime/app-runtime";
import { errorResponse, readBodyText } from "../http/body";
import { operationRoutes } from "./operation-route";
import type { RestRoute } from "./route";
import { artifactImageRoute } from "./routes/artifacts";
import { batchExportCsvRoute, batchExportZipRoute } from "./routes/batch-exports";
import { documentedRoutes, openApiRoute } from "./routes/openapi";
import { buildOpenApiDocument } from "../openapi/document";

/**
 * The /v1 route table: the operations' REST bindings, plus the routes that are not operations
 * because they answer files (signed image downloads, batch exports) or the OpenAPI document
 * itself. Its order is the document's.
 */
export const REST_ROUTES: readonly RestRoute[] = [
  ...operationRoutes(operations.complementaryGarment, operations.jobs),
  artifactImageRoute,
  ...operationRoutes(
    operations.credits,
    operations.operations,
    operations.usage,
    operations.webhooks,
    operations.reference,
    operations.catalog,
  ),
  // Our extensions last, after every route of the original API.
  ...operationRoutes(operations.batches),
  batchExportCsvRoute,
  batchExportZipRoute,
  openApiRoute(() => openApiDocument()),
];

/** Method and OpenAPI-style path of every /v1 route (the OpenAPI test checks none is missing). */
export function v1Routes(): { method: string; path: string }[] {
  return REST_ROUTES.map(({ method, path }) => ({ method, path }));
}

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI document of these routes (built once per process). */
export function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  document ??= buildOpenApiDocument(documentedRoutes(REST_ROUTES));
  return document;
}

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? "";
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

/**
 * Serves a request under /v1 (the Next.js catch-all route hands everything here): finds the
 * route, runs it at the edge (one request id, authentication, rate limit, request log) and
 * renders an ApiError as the envelope. `X-Request-Id` on every answer.
 */
export function handleV1Request(runtime: AppRuntime, request: Request): Promise<Response> {
  // Counted, so a graceful shutdown waits for it.
  return runtime.lifecycle.track(() => serveV1Request(runtime, request));
}

async function serveV1Request(runtime: AppRuntime, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const requestId = ulid();
  let body: Promise<string> | null = null;
  // The body stream can be read once: routes get it through here, never `request.body`.
  const rawBody = () =>
    (body ??= readBodyText(
      request,
      found?.route.largeBody ? runtime.settings.maxBatchBodyBytes : runtime.settings.maxBodyBytes,
    ));
  const candidates = REST_ROUTES.flatMap((route) => {
    const params = match(route.path, url.pathname);
    return params ? [{ route, params }] : [];
  });
  const found = candidates.find((candidate) => candidate.route.method === request.method);
  let caller: Promise<Caller> | null = null;
  const edge: EdgeRequest = {
    runtime,
    requestId,
    headers: request.headers,
    request: {
      transport: "rest",
      method: request.method,
      path: url.pathname,
      route: found?.route.path ?? "unmatched",
      startedAt: performance.now(),
    },
    identify: () =>
      (caller ??= identifyCaller(runtime, request.headers, {
        acceptsSession: false,
        ...(found?.route.acceptsShopifySignature ? { shopifyBody: rawBody } : {}),
      })),
  };
  let response: Response;
  try {
    response = found
      ? await found.route.serve(edge, { request, url, params: found.params, rawBody })
      : await atTheEdge(edge, async () => {
          throw noRoute(
            request.method,
            url.pathname,
            candidates.map((c) => c.route.method),
          );
        });
  } catch (error) {
    // The edge hands back ApiErrors only; anything else would be a bug in rendering.
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError("INTERNAL", "Something went wrong on our side.");
    response = errorResponse(apiError, requestId);
  }
  response.headers.set("x-request-id", requestId);
  return response;
}

function noRoute(method: string, path: string, allowed: string[]): ApiError {
  if (allowed.length > 0) {
    return new ApiError("RESOURCE_NOT_FOUND", `Method ${method} is not allowed here.`, undefined, {
      allow: allowed.join(", "),
    });
  }
  return new ApiError("RESOURCE_NOT_FOUND", `No endpoint at ${method} ${path}.`);
}
