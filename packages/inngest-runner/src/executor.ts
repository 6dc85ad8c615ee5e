// One executor call: a POST to the SDK's own serve handler, shaped exactly as Inngest's
// executor sends it over HTTP. By default it goes in-process and unsigned (the embedded client
// is in dev mode); a `CallTransport` may carry it elsewhere (the testing driver signs it and
// sends it to an app's /api/inngest).
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/edge";
import {
  type CallOutcome,
  type ExecutorRequestBody,
  type InngestEvent,
  protocolHeaders,
  readCallOutcome,
  toSerializedError,
} from "./protocol";
import type { RunProgress } from "./stores/run-store";

// Never dialled: the handler only reads the URL's query string. `.invalid` cannot resolve.
const SERVE_HOST = "embedded-runner.invalid";
const SERVE_URL = `http://${SERVE_HOST}/api/inngest`;

export type ServeHandler = (request: Request) => Promise<Response>;

export function createServeHandler(
  client: Inngest.Any,
  functions: InngestFunction.Any[],
): ServeHandler {
  return serve({ client, functions });
}

export interface FunctionCall {
  functionId: string;
  /** A hashed step id to run, or "step" to discover. */
  stepId: string;
  runId: string;
  event: InngestEvent;
  progress: RunProgress;
  maxAttempts: number;
}

export function buildRequestBody(call: FunctionCall): ExecutorRequestBody {
  const { progress } = call;
  return {
    event: call.event,
    events: [call.event],
    steps: progress.steps,
    ctx: {
      run_id: call.runId,
      // Inngest sends its internal function id; the SDK only uses it to checkpoint, which every
      // client the runner accepts has switched off (see function-catalog.ts).
      fn_id: call.functionId,
      attempt: progress.attempt,
      max_attempts: call.maxAttempts,
      disable_immediate_execution: progress.disableImmediateExecution,
      use_api: false,
      stack: { stack: progress.stack, current: Math.max(0, progress.stack.length - 1) },
    },
  };
}

/** Carries one call to the functions' serve handler and hands back its answer. */
export type CallTransport = (call: FunctionCall, signal: AbortSignal) => Promise<Response>;

/** The query string Inngest's executor puts on every call: which function, which step. */
export function callUrl(base: string | URL, call: FunctionCall): URL {
  const url = new URL(base);
  url.searchParams.set("fnId", call.functionId);
  url.searchParams.set("stepId", call.stepId);
  return url;
}

/** The default transport: the serve handler in this process, unsigned, as a dev server calls it. */
export function inProcessTransport(handler: ServeHandler): CallTransport {
  return (call, signal) =>
    handler(
      new Request(callUrl(SERVE_URL, call), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          // inngest/edge resolves the URL against `https://<host>` and fails without a host header.
          host: SERVE_HOST,
          // What Inngest's dev server sends; the SDK warns about a server-kind mismatch without it.
          [protocolHeaders.serverKind]: "dev",
        },
        body: JSON.stringify(buildRequestBody(call)),
        signal,
      }),
    );
}

/**
 * One call, given up after `timeoutMs` like Inngest's executor gives up on a request (the
 * transport is asked to abort; its answer, if it still comes, is ignored).
 */
export async function callFunction(
  transport: CallTransport,
  call: FunctionCall,
  timeoutMs: number,
): Promise<CallOutcome> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CallOutcome>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({
        kind: "retriable-error",
        error: {
          name: "CallTimeoutError",
          message: `The SDK did not answer the call for step "${call.stepId}" within ${timeoutMs} ms.`,
        },
        retryAfter: undefined,
      });
    }, timeoutMs);
  });
  const answer = (async (): Promise<CallOutcome> => {
    try {
      return await readCallOutcome(await transport(call, abort.signal));
    } catch (error) {
      // The handler itself blew up (not the user's code, which the SDK catches): like a 500.
      return { kind: "retriable-error", error: toSerializedError(error), retryAfter: undefined };
    }
  })();
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
