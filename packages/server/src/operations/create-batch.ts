import { BatchCreateRequest, BatchResponse, MAX_BATCH_ITEMS } from "@garment/schemas";
import { z } from "zod";
import { dispatchBatch } from "../services/batches/dispatch-batch";
import { defineOperation, Outcome } from "./define";
import { dispatchContext, dispatchDeps } from "./dispatch-wiring";
import { BATCH_EXAMPLE, BATCH_RESPONSE_EXAMPLE } from "./examples";

/**
 * POST /v1/batches — our extension: up to 1,000 dispatches charged and queued together, each row
 * a job of its own (see services/batches/dispatch-batch.ts for the rules on balance, queue cap
 * and idempotency).
 */
export const createBatch = defineOperation({
  audience: { capability: "jobs:create" },
  input: BatchCreateRequest,
  // The service checks each row itself, so every bad row is reported at once.
  parse: async (_context, raw): Promise<unknown> => raw,
  output: BatchResponse.extend({ replayed: z.boolean() }),
  largeBody: true,
  async run(context, raw) {
    const { response, replayed } = await dispatchBatch(
      dispatchDeps(context.runtime),
      dispatchContext(context),
      raw,
    );
    // A replay charged nothing now; a new batch wrote its request log in its one statement.
    return new Outcome({ ...response, replayed }, replayed ? 0 : -response.credits_cost, !replayed);
  },
  trpc: "mutation",
  dispatches: true,
  rest: {
    method: "POST",
    path: "/v1/batches",
    input: "body",
    status: 202,
    present: ({ replayed, ...batch }) => ({
      body: batch,
      headers: {
        location: `/v1/batches/${batch.batch_id}`,
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      },
    }),
  },
  openapi: {
    operationId: "createBatch",
    tag: "Extensions",
    extension: true,
    summary: "Dispatch a batch of complementary-garment generations",
    description: `Our extension, not a route of the original API. Up to ${MAX_BATCH_ITEMS} items, each the body of \`POST /v1/complementary-garment-generator\` plus an optional \`sku\`. Every row is validated first (a 422 names each bad row as \`["body", "items", row, field]\`); then all rows are debited and queued in one transaction, each as its own job. A batch larger than the balance is refused whole (402, the shortfall in the message and the \`x-credits-shortfall\` header). The queue cap counts a batch as one submission: 429 while the client already has \`STUDIO_MAX_QUEUED_JOBS_PER_CLIENT\` unfinished jobs, otherwise the whole batch is queued. The same \`idempotency_key\` (or \`Idempotency-Key\` header) again answers with the original batch without charging; each row's key is derived from it. A \`batch.finished\` webhook follows when every job of the batch is terminal.`,
    returns:
      "Accepted: the batch and its jobs (all `NOT_STARTED`). Poll `GET /v1/batches/{public_id}`.",
    response: BatchResponse,
    responseHeaders: z.object({
      location: z.string().meta({ description: "`/v1/batches/{batch_id}`" }),
    }),
    requestHeaders: z.object({
      "idempotency-key": z.string().max(200).optional().meta({
        description: "The batch's key, when the body has no `idempotency_key`.",
      }),
    }),
    requestExample: BATCH_EXAMPLE,
    responseExample: BATCH_RESPONSE_EXAMPLE,
    errors: [
      "INSUFFICIENT_BALANCE",
      "CONFLICT",
      "PAYLOAD_TOO_LARGE",
      "VALIDATION_ERROR",
      "SERVICE_UNAVAILABLE",
    ],
  },
});
