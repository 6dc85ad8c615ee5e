import {
  VariantsAcceptedResponse,
  VariantsCreateInput,
  MAX_VARIANTS_PER_REQUEST,
} from "@garment/schemas";
import { z } from "zod";
import { createVariants } from "../services/variants/create-variants";
import { defineOperation, Outcome } from "./define";
import { dispatchContext, dispatchDeps } from "./dispatch-wiring";
import { EXAMPLE_ULID } from "./examples";

/**
 * POST /v1/jobs/{public_id}/variants — our extension: N new generations of a successful job's
 * spec with new seeds, charged and queued together through the dispatch statement (see
 * services/variants/create-variants.ts for the rules on balance, queue cap and idempotency).
 */
export const createJobVariants = defineOperation({
  audience: { capability: "jobs:create" },
  input: VariantsCreateInput,
  output: VariantsAcceptedResponse.extend({ replayed: z.boolean() }),
  async run(context, input) {
    const { response, replayed } = await createVariants(
      dispatchDeps(context.runtime),
      dispatchContext(context),
      { jobId: input.public_id, count: input.count },
    );
    // A replay charged nothing now; new variants wrote their request logs in their statement.
    return new Outcome({ ...response, replayed }, replayed ? 0 : -response.credits_cost, !replayed);
  },
  trpc: "mutation",
  dispatches: true,
  rest: {
    method: "POST",
    path: "/v1/jobs/{public_id}/variants",
    input: "body",
    status: 202,
    present: ({ replayed, ...accepted }) => ({
      body: accepted,
      headers: {
        location: `/v1/jobs/${accepted.root_job_id}/variants`,
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      },
    }),
  },
  openapi: {
    operationId: "createJobVariants",
    tag: "Extensions",
    extension: true,
    summary: "Ask for variants of a finished generation",
    description: `Our extension, not a route of the original API. Dispatches \`count\` (1 to ${MAX_VARIANTS_PER_REQUEST}) new generations of a SUCCESS job's request, each with a seed its group has not used, and links them to the group's root job (a variant of a variant joins the root's group). Each costs the generator's price (see \`GET /v1/operations\`), all debited in one transaction: a balance short of the whole set is refused whole (402, nothing charged). Each variant is its own job with its own request id, refunded exactly once if it fails. A job that has not succeeded is 409. The same \`Idempotency-Key\` and body within 24 h replay the original answer without charging; another body is 409.`,
    returns:
      "Accepted: the variants' jobs (all `NOT_STARTED`). See `GET /v1/jobs/{public_id}/variants`.",
    response: VariantsAcceptedResponse,
    responseHeaders: z.object({
      location: z.string().meta({ description: "`/v1/jobs/{root_job_id}/variants`" }),
    }),
    requestHeaders: z.object({
      "idempotency-key": z.string().max(200).optional().meta({
        description:
          "The same key and body within 24 h replays the original 202 without charging; another body is 409.",
      }),
    }),
    requestExample: { count: 2 },
    responseExample: {
      root_job_id: EXAMPLE_ULID,
      credits_cost: 10,
      jobs: [
        {
          request_id: "01KDVDPQ3ZB5R9M2WQX4T7Y8C1",
          job_id: "01KDVDPQ40A1B2C3D4E5F6G7H8",
          status: "NOT_STARTED",
          credits_cost: 5,
        },
        {
          request_id: "01KDVDPQ41A1B2C3D4E5F6G7H8",
          job_id: "01KDVDPQ42A1B2C3D4E5F6G7H8",
          status: "NOT_STARTED",
          credits_cost: 5,
        },
      ],
    },
    errors: [
      "JOB_NOT_FOUND",
      "INSUFFICIENT_BALANCE",
      "CONFLICT",
      "VALIDATION_ERROR",
      "SERVICE_UNAVAILABLE",
    ],
  },
});
