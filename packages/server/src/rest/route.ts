import type { ZodOpenApiOperationObject } from "zod-openapi";
import type { EdgeRequest } from "../edge/pipeline";
import type { AnyOperation } from "../operations/define";
import type { AppRuntime } from "../runtime/app-runtime";

/** What a REST route sees of the HTTP request besides the edge. */
export interface HttpRequest {
  request: Request;
  url: URL;
  /** Path parameters by name (`{public_id}` → `public_id`). */
  params: Record<string, string>;
  /** The raw body (read once; capped at the configured size, 413 past it). */
  rawBody(): Promise<string>;
}

/** One /v1 route: an operation's binding, or one of the few routes written by hand. */
export interface RestRoute {
  method: string;
  /** OpenAPI-style path with `{name}` segments. */
  path: string;
  documented: { operation: AnyOperation } | { document: ZodOpenApiOperationObject };
  /** Shopify-signed requests authenticate here (the dispatch POST only). */
  acceptsShopifySignature?: boolean;
  /** Its body is capped at `maxBatchBodyBytes` (see OperationDefinition.largeBody). */
  largeBody?: boolean;
  serve(edge: EdgeRequest, http: HttpRequest): Promise<Response>;
}

/** The origin for the absolute links a route writes: the configured public one, else the request's. */
export function publicOrigin(runtime: AppRuntime, http: HttpRequest): string {
  return runtime.settings.publicOrigin ?? http.url.origin;
}
