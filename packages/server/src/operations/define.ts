import type { ErrorCode } from "@garment/schemas";
import type { z } from "zod";
import type { Capability } from "../auth/api-keys";
import type { Caller } from "../auth/caller";
import type { AppRuntime } from "../runtime/app-runtime";

/** What an operation knows of the request that runs it (whatever the transport). */
export interface OperationContext {
  runtime: AppRuntime;
  caller: Caller;
  /** The request's id (one per tRPC call): request_logs id, echoed as X-Request-Id. */
  requestId: string;
  headers: Headers;
  /** The request as the request log names it, and when it started (latency). */
  request: RequestIdentity & {
    /** The status a success answers with on this transport (REST 202 for a dispatch, tRPC 200). */
    successStatus: number;
  };
}

export interface RequestIdentity {
  transport: "rest" | "trpc";
  method: string;
  path: string;
  /**
   * The path without its ids, for metrics and traces: the REST route's template
   * (`/v1/jobs/{public_id}`), `trpc/jobs.get`, or `unmatched`.
   */
  route: string;
  /** `performance.now()` when the request reached the edge. */
  startedAt: number;
}

/**
 * What running an operation did, beyond its result: the credits it moved (negative = charged)
 * and whether it wrote its own request-log row (a dispatch does, in its one statement).
 * Operations that do neither just return their result.
 */
export class Outcome<Result> {
  constructor(
    readonly result: Result,
    readonly creditsMoved: number,
    readonly requestLogged: boolean,
  ) {}
}

/** Where a REST input field comes from: the path, the query string or the JSON body. */
export type InputSource = "path" | "query" | "body";

export interface RestBinding<Result> {
  method: "GET" | "POST" | "DELETE";
  /** OpenAPI-style path, e.g. `/v1/jobs/{public_id}`; `{name}` segments fill input fields. */
  path: string;
  /** Where the other input fields come from (none when the operation takes only path fields). */
  input?: "query" | "body";
  /** Query keys that may repeat into an array. */
  arrayQuery?: readonly string[];
  /** Success status (default 200). */
  status?: 200 | 201 | 202;
  /** A Shopify signature over the raw body authenticates here (the dispatch POST only). */
  acceptsShopifySignature?: true;
  /** How the result becomes the response, when not as its JSON (headers, another body shape). */
  present?: (result: Result) => { body: unknown; headers?: Record<string, string> };
}

export interface OpenApiDoc {
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** The response's description. */
  returns: string;
  /** The error codes this operation may answer (the credential's own refusals are added). */
  errors: readonly ErrorCode[];
  /** The REST response body's schema, when `present` reshapes the result. */
  response?: z.ZodType;
  responseHeaders?: z.ZodObject;
  requestHeaders?: z.ZodObject;
  requestExample?: unknown;
  responseExample?: unknown;
  /**
   * Ours, not a route of the original API: documented under the "Extensions" tag with
   * `x-garment-extension: true`, so clients of the original API can tell.
   */
  extension?: true;
}

export type TrpcKind = "query" | "mutation";

/**
 * Who may call: a credential with this capability, only a signed-in stylist, or only a
 * signed-in stylist with the operator role (who sees every client's work).
 */
export type Audience = { capability: Capability | null } | { stylist: true } | { operator: true };

/**
 * One use case, defined once: its input and output, who may call it, the service call, what it
 * costs and announces, and how each transport reaches it. The REST route table, the tRPC
 * router and the OpenAPI document are derived from these definitions.
 */
export interface OperationDefinition<
  Input extends z.ZodType | undefined,
  Parsed,
  Result,
  Kind extends TrpcKind = TrpcKind,
> {
  audience: Audience;
  /** The input schema (undefined: the operation takes none). Documents and types every transport. */
  input: Input;
  /**
   * Turns the raw input into what `run` takes; the default parses with `input`. An operation
   * whose checks need data (a dispatch: the category exists) reports every problem at once here.
   */
  parse?: (context: OperationContext, raw: unknown) => Promise<Parsed>;
  /** The result's schema, for the OpenAPI document and tRPC's output type. */
  output?: z.ZodType;
  run(context: OperationContext, input: Parsed): Promise<Result | Outcome<Result>>;
  /** Announcements after success (webhooks hear of a cancelled job): made here, not per transport. */
  announce?(context: OperationContext, result: Result): Promise<void>;
  /** A read is a tRPC query, anything that changes state a mutation. */
  trpc: Kind;
  rest?: RestBinding<Result>;
  openapi?: OpenApiDoc;
  /**
   * Its body may reach `settings.maxBatchBodyBytes` instead of `maxBodyBytes` (a batch of 1,000
   * rows), on REST and on tRPC alike.
   */
  largeBody?: true;
  /**
   * It dispatches work: the operator counts its acceptances and refusals (by status) apart from
   * other requests.
   */
  dispatches?: true;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation, whatever it parses and returns
export type AnyOperation = OperationDefinition<z.ZodType | undefined, any, any>;

/** What the transports' callers send: the input schema's input type, or nothing. */
export type OperationInput<Op> =
  Op extends OperationDefinition<infer Input, infer _Parsed, infer _Result, TrpcKind>
    ? Input extends z.ZodType
      ? z.input<Input>
      : void
    : never;

export type OperationResult<Op> =
  Op extends OperationDefinition<infer _Input, infer _Parsed, infer Result, TrpcKind>
    ? Result
    : never;

/** Identity, for inference: `Parsed` defaults to the input schema's output. */
export function defineOperation<
  Input extends z.ZodType | undefined,
  Result,
  Kind extends TrpcKind,
  Parsed = Input extends z.ZodType ? z.output<Input> : undefined,
>(
  definition: OperationDefinition<Input, Parsed, Result, Kind>,
): OperationDefinition<Input, Parsed, Result, Kind> {
  return definition;
}
