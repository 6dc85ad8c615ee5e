import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/api";

export type GarmentApi = Client<paths>;
export type Schemas = components["schemas"];
export type JobDetail = Schemas["JobDetailResponse"];
export type JobEvent = Schemas["JobEventResponse"];
export type ErrorEnvelope = Schemas["ErrorEnvelope"];

export interface GarmentClientOptions {
  /** Where the API lives, e.g. `https://studio.example.com` (paths start with /v1). */
  baseUrl: string;
  /** `sk_live_…` or `sk_test_…`. */
  apiKey?: string;
  /** Another fetch (tests, proxies, retries). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/**
 * A typed client for the Garment Studio REST API: `client.GET("/v1/jobs/{public_id}", …)`
 * with paths, parameters, bodies and answers typed from the OpenAPI document.
 */
export function createGarmentClient(options: GarmentClientOptions): GarmentApi {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: options.headers,
  });
  if (options.apiKey) client.use(bearer(options.apiKey));
  return client;
}

function bearer(apiKey: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has("authorization"))
        request.headers.set("authorization", `Bearer ${apiKey}`);
      return request;
    },
  };
}

/** A non-2xx answer, with the API's error envelope. */
export class GarmentApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "GarmentApiError";
  }

  static from(response: Response, body: unknown): GarmentApiError {
    const error = (body as { error?: { code?: string; message?: string; request_id?: string } })
      ?.error;
    return new GarmentApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.request_id ?? response.headers.get("x-request-id"),
      body,
    );
  }
}
