import { ComplementaryGarmentGeneratorRequest, WorkflowAcceptedResponse } from "@garment/schemas";
import { z } from "zod";
import { dispatchComplementaryGarment as dispatch } from "../services/dispatch/dispatch-complementary-garment";
import { annotateActiveSpan } from "../observability/tracing";
import { defineOperation, Outcome } from "./define";
import { dispatchContext, dispatchDeps } from "./dispatch-wiring";
import { DISPATCH_EXAMPLE, EXAMPLE_ULID } from "./examples";

/**
 * POST /v1/complementary-garment-generator — the first of the original API's workflows
 * (`POST /v1/{name}`). The next workflow is a copy of this file with its own service call.
 */
export const dispatchComplementaryGarment = defineOperation({
  audience: { capability: "jobs:create" },
  input: ComplementaryGarmentGeneratorRequest,
  // The service validates the raw body itself, so a client hears of every problem at once
  // (an unknown category along with a missing color).
  parse: async (_context, raw): Promise<unknown> => raw,
  output: WorkflowAcceptedResponse.extend({ replayed: z.boolean() }),
  async run(context, raw) {
    const { response, replayed } = await dispatch(
      dispatchDeps(context.runtime),
      dispatchContext(context),
      raw,
    );
    annotateActiveSpan({
      "garment.replayed": replayed,
      ...(response.job_id ? { "garment.job_id": response.job_id } : {}),
    });
    // A replay charged nothing now; a new dispatch wrote its request log in its one statement.
    return new Outcome({ ...response, replayed }, replayed ? 0 : -response.credits_cost, !replayed);
  },
  trpc: "mutation",
  dispatches: true,
  rest: {
    method: "POST",
    path: "/v1/complementary-garment-generator",
    input: "body",
    status: 202,
    acceptsShopifySignature: true,
    present: ({ replayed, ...accepted }) => ({
      body: accepted,
      headers: {
        location: `/v1/jobs/${accepted.job_id}`,
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      },
    }),
  },
  openapi: {
    operationId: "createComplementaryGarment",
    tag: "Generation",
    summary: "Dispatch one complementary-garment generation",
    description:
      "Validates the spec, debits the operation's price (see `GET /v1/operations`) and hands the job to the workflow engine in the same transaction. Every failure path refunds exactly once. 429 when the client has too many unfinished jobs (nothing charged; see `Retry-After`).",
    returns:
      "Accepted: the job runs asynchronously. Poll `GET /v1/jobs/{public_id}` or its events, or receive a webhook.",
    response: WorkflowAcceptedResponse,
    responseHeaders: z.object({
      location: z.string().meta({ description: "`/v1/jobs/{job_id}`" }),
    }),
    requestHeaders: z.object({
      "idempotency-key": z.string().max(200).optional().meta({
        description:
          "The same key and body within 24 h replays the original 202 without charging; another body is 409.",
      }),
    }),
    requestExample: DISPATCH_EXAMPLE,
    responseExample: {
      request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C1",
      job_id: EXAMPLE_ULID,
      status: "NOT_STARTED",
      credits_cost: 5,
    },
    // 429 (RATE_LIMITED) also covers a client's full queue (STUDIO_MAX_QUEUED_JOBS_PER_CLIENT).
    // 503 stays in the contract, though an unreachable workflow engine no longer causes it: the
    // job waits in the outbox.
    errors: [
      "INSUFFICIENT_BALANCE",
      "CONFLICT",
      "PAYLOAD_TOO_LARGE",
      "VALIDATION_ERROR",
      "SERVICE_UNAVAILABLE",
    ],
  },
});
