// The wire shapes of Inngest's executor ⇄ SDK protocol, as the SDK's serve handler speaks it
// (inngest 4.24: InngestCommHandler result handlers, helpers/functions.ts parseFnData).
import { z } from "zod";

/** An event as Inngest hands it to a function: ours plus the receive timestamp. */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** An error as the SDK serialises it (`serializeError`); extra fields pass through. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

/** What Inngest memoizes for a hashed step id: its JSON result, or its final error. */
export type MemoizedStep = { data: unknown } | { error: SerializedError };

export interface ExecutorRequestBody {
  event: InngestEvent;
  events: InngestEvent[];
  steps: Record<string, MemoizedStep>;
  ctx: {
    run_id: string;
    /** The function's id, as Inngest sends it (its internal id there, the composite slug here). */
    fn_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    // Never true: with it the SDK fetches events and steps from Inngest's API.
    use_api: false;
    stack: { stack: string[]; current: number };
  };
  // With `ctx.fn_id` the SDK would checkpoint (report steps to Inngest's API mid-request instead
  // of answering with ops) unless checkpointing is off: the runner only accepts functions whose
  // client or options switch it off, so every answer is ops, as the runner expects.
}

/** The step id to pass when asking the SDK to discover (rather than run) the next steps. */
export const DISCOVERY_STEP_ID = "step";

export const protocolHeaders = {
  noRetry: "x-inngest-no-retry",
  retryAfter: "retry-after",
  serverKind: "x-inngest-server-kind",
} as const;

export const opCodes = {
  stepRun: "StepRun",
  stepError: "StepError",
  stepFailed: "StepFailed",
  stepPlanned: "StepPlanned",
  sleep: "Sleep",
  runComplete: "RunComplete",
} as const;

const outgoingOpSchema = z.object({
  id: z.string(),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});

export type OutgoingOp = z.infer<typeof outgoingOpSchema>;

/** One call's answer, reduced to what the runner acts on. */
export type CallOutcome =
  /** 200: the function returned. */
  | { kind: "returned"; output: unknown }
  /** 206: step ops (ran, planned, errored, sleeping, …). */
  | { kind: "ops"; ops: OutgoingOp[]; retryAfter: string | undefined }
  /** 500 without no-retry, or the handler itself threw: try the same call again later. */
  | { kind: "retriable-error"; error: SerializedError; retryAfter: string | undefined }
  /** 400 with `x-inngest-no-retry: true` (NonRetriableError, an uncaught failed step, last attempt). */
  | { kind: "final-error"; error: SerializedError };

export function toSerializedError(
  value: unknown,
  fallbackMessage = "Unknown error",
): SerializedError {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      ...(value.stack ? { stack: value.stack } : {}),
    };
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const message =
      typeof record.message === "string"
        ? record.message
        : typeof record.error === "string"
          ? record.error
          : fallbackMessage;
    return { ...record, name: typeof record.name === "string" ? record.name : "Error", message };
  }
  return { name: "Error", message: typeof value === "string" ? value : fallbackMessage };
}

/** Reads a serve-handler response the way Inngest's executor interprets it. */
export async function readCallOutcome(response: Response): Promise<CallOutcome> {
  const text = await response.text();
  const body = parseJson(text);
  const retryAfter = response.headers.get(protocolHeaders.retryAfter) ?? undefined;
  const noRetry = response.headers.get(protocolHeaders.noRetry) === "true";

  if (response.status === 200) return { kind: "returned", output: body };
  if (response.status === 206) {
    // A single op object is legal too (RunComplete in forced-sync mode).
    const parsed = z.array(outgoingOpSchema).safeParse(Array.isArray(body) ? body : [body]);
    if (!parsed.success) {
      return {
        kind: "final-error",
        error: { name: "ProtocolError", message: `Unreadable 206 body from the SDK: ${text}` },
      };
    }
    return { kind: "ops", ops: parsed.data, retryAfter };
  }
  const error = toSerializedError(body, `HTTP ${response.status}: ${text.slice(0, 500)}`);
  if (response.status >= 500 && !noRetry) return { kind: "retriable-error", error, retryAfter };
  return { kind: "final-error", error };
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
