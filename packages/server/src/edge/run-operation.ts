import { unstorableTextDetail, zodIssuesToDetail, type LocRoot } from "@garment/schemas";
import type { z } from "zod";
import { requireCapability } from "../auth/authenticate";
import type { Caller } from "../auth/caller";
import { forbidden, validationFailed } from "../errors";
import {
  Outcome,
  type Audience,
  type AnyOperation,
  type OperationContext,
  type OperationResult,
} from "../operations/define";
import { inSpan } from "../observability/tracing";
import { atTheEdge, type EdgeRequest } from "./pipeline";

/** How a transport hands an operation its input: read on demand, after authentication. */
export interface TransportInput {
  read: () => Promise<unknown>;
  /** Where a field came from, for a 422's `loc` (`["path", …]`, `["query", …]`, `["body", …]`). */
  locate: (field: PropertyKey | undefined) => LocRoot;
  /** The status a success answers with (REST: the binding's; tRPC: 200). */
  successStatus: number;
}

/**
 * Runs one operation for any transport: authenticate, authorize, parse, run, announce — inside
 * the edge, which logs the request and maps failures once.
 */
export function runOperation<Op extends AnyOperation>(
  edge: EdgeRequest,
  operation: Op,
  input: TransportInput,
): Promise<OperationResult<Op>> {
  return atTheEdge({ ...edge, dispatches: operation.dispatches === true }, async (session) => {
    const caller = await session.authenticate();
    authorize(operation.audience, caller);
    const context: OperationContext = {
      runtime: edge.runtime,
      caller,
      requestId: edge.requestId,
      headers: edge.headers,
      request: { ...edge.request, successStatus: input.successStatus },
    };
    const raw = operation.parse || operation.input ? await readStorable(input) : undefined;
    const parsed: unknown = operation.parse
      ? await operation.parse(context, raw)
      : operation.input
        ? parseInput(operation.input, raw, input.locate)
        : undefined;
    // The operation's own span, under the request's: the dispatch hands its context to the run.
    const ran = (await inSpan(`operation ${edge.request.route}`, {}, () =>
      operation.run(context, parsed),
    )) as unknown;
    const done = ran instanceof Outcome ? ran : new Outcome(ran, 0, false);
    await operation.announce?.(context, done.result);
    return {
      value: done.result as OperationResult<Op>,
      status: input.successStatus,
      creditsMoved: done.creditsMoved,
      requestLogged: done.requestLogged,
    };
  });
}

/** The one place capabilities are checked: an operation declares its audience, the edge enforces it. */
export function authorize(audience: Audience, caller: Caller): void {
  if ("stylist" in audience) {
    if (!caller.userId) throw forbidden("Only a signed-in Studio user may do this.");
    return;
  }
  if ("operator" in audience) {
    if (!caller.userId || !caller.isOperator) throw forbidden("Only an operator may do this.");
    return;
  }
  if (audience.capability) requireCapability(caller, audience.capability);
}

/**
 * The raw input, refused with a 422 naming each field when any string in it (value or key) is
 * one PostgreSQL cannot store. One check for every operation and transport, before any schema.
 */
async function readStorable(input: TransportInput): Promise<unknown> {
  const raw = await input.read();
  const unstorable = unstorableTextDetail(raw, input.locate);
  if (unstorable.length > 0) throw validationFailed(unstorable);
  return raw;
}

function parseInput(schema: z.ZodType, raw: unknown, locate: TransportInput["locate"]): unknown {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationFailed(zodIssuesToDetail(parsed.error.issues, raw, locate));
  return parsed.data;
}
