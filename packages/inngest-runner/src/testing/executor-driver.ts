// A test driver that calls an app's Inngest endpoint the way Inngest's executor does in
// production: signed POSTs with `fnId` and `stepId` in the query, the run's event, memoized
// steps and ctx (run_id, fn_id, attempt, stack) in the body, the answer's signature checked.
// Everything else (206 ops, retries with the attempt counter, parallel plans, sleeps, onFailure,
// concurrency keys, cron) is the embedded runner's, so one scenario suite runs against both.
// A test utility: production calls come from Inngest itself.
import canonicalize from "canonicalize";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Inngest, InngestFunction } from "inngest";
import { buildRequestBody, type CallTransport, callUrl } from "../executor";
import { protocolHeaders } from "../protocol";
import { EmbeddedRunner, type EmbeddedRunnerOptions } from "../runner";
import { InMemoryRunStore } from "../stores/in-memory-run-store";
import type { RunStore } from "../stores/run-store";

/** A Fetch-API handler (a Next route's POST, `serve()` from inngest/edge) or a URL to fetch. */
export type InngestEndpoint = string | ((request: Request) => Promise<Response>);

export interface SignedTransportOptions {
  endpoint: InngestEndpoint;
  /** The URL the requests carry when `endpoint` is a handler (its host is sent as `host`). */
  url?: string;
  /** The app's INNGEST_SIGNING_KEY (`signkey-<env>-<hex>`). */
  signingKey: string;
  /** Checks the SDK's signature on each answer, as a client of a signed endpoint should. Default true. */
  verifyResponses?: boolean;
}

const SIGNATURE_HEADER = "x-inngest-signature";

/** Inngest's request signature: `t=<unix s>&s=<hex HMAC-SHA256(payload + t)>`, keyed by the key without its prefix. */
export function signInngestPayload(
  payload: string,
  signingKey: string,
  at = Math.floor(Date.now() / 1000),
) {
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const digest = createHmac("sha256", key).update(payload).update(String(at)).digest("hex");
  return `t=${at}&s=${digest}`;
}

/** Calls the endpoint as Inngest's executor does: signed over the canonical JSON (RFC 8785) of the body. */
export function signedTransport(options: SignedTransportOptions): CallTransport {
  const base =
    typeof options.endpoint === "string"
      ? options.endpoint
      : (options.url ?? "http://app.test/api/inngest");
  const send: (request: Request) => Promise<Response> =
    typeof options.endpoint === "string" ? (request) => fetch(request) : options.endpoint;
  return async (call, signal) => {
    const body = buildRequestBody(call);
    // The SDK re-canonicalises the parsed body before it checks the HMAC.
    const canonical = canonicalize(body) ?? "";
    const url = callUrl(base, call);
    const response = await send(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: url.host,
          [SIGNATURE_HEADER]: signInngestPayload(canonical, options.signingKey),
          [protocolHeaders.serverKind]: "cloud",
          "x-run-id": call.runId,
        },
        body: canonical,
        signal,
      }),
    );
    if (options.verifyResponses === false) return response;
    return verifiedResponse(response, options.signingKey);
  };
}

/** The SDK signs what it answers with the key that verified the request; refuse anything else. */
async function verifiedResponse(response: Response, signingKey: string): Promise<Response> {
  const text = await response.text();
  const header = response.headers.get(SIGNATURE_HEADER) ?? "";
  const params = new URLSearchParams(header);
  const at = Number(params.get("t"));
  const expected = Buffer.from(
    new URLSearchParams(signInngestPayload(text, signingKey, at)).get("s") ?? "",
  );
  const actual = Buffer.from(params.get("s") ?? "");
  if (
    !Number.isInteger(at) ||
    actual.length !== expected.length ||
    !timingSafeEqual(actual, expected)
  ) {
    throw new Error(
      `The endpoint's answer (HTTP ${response.status}) carries no valid ${SIGNATURE_HEADER}: ${text.slice(0, 300)}`,
    );
  }
  return new Response(text, { status: response.status, headers: response.headers });
}

export interface ExecutorDriverOptions
  extends
    SignedTransportOptions,
    Omit<Partial<EmbeddedRunnerOptions>, "client" | "functions" | "transport" | "store"> {
  /** The app's client (cloud mode, its signing key, checkpointing off) and its functions. */
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  store?: RunStore;
}

/** A runner whose every call is a signed request to the endpoint. */
export function createExecutorDriver(options: ExecutorDriverOptions): {
  runner: EmbeddedRunner;
  store: RunStore;
} {
  const { endpoint, url, signingKey, verifyResponses, ...runnerOptions } = options;
  const store = options.store ?? new InMemoryRunStore();
  const runner = new EmbeddedRunner({
    ...runnerOptions,
    store,
    transport: signedTransport({
      endpoint,
      signingKey,
      ...(url ? { url } : {}),
      ...(verifyResponses !== undefined ? { verifyResponses } : {}),
    }),
  });
  return { runner, store };
}
