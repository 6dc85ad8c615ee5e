import type { BatchResponse } from "@garment/schemas";
import { createHash } from "node:crypto";
import { ulid } from "ulid";
import { ApiError, conflict } from "../../errors";
import type { WorkflowEngine } from "../../ports/workflow-engine";
import type { UrlSigner } from "../../storage/url-signer";
import { getBalance } from "../credits/balance";
import {
  generatorPrice,
  queueFull,
  resolveOptions,
  type DispatchDeps,
} from "../dispatch/dispatch-complementary-garment";
import { checkIdempotencyKey, requestBodyHash } from "../dispatch/idempotency";
import {
  COMPLEMENTARY_GARMENT_OPERATION,
  dispatchEventData,
  dispatchRecordFields,
  type DispatchContext,
} from "../dispatch/operation";
import { isUniqueViolation } from "../dispatch/record-dispatch";
import { getBatch } from "./get-batch";
import { recordBatch, type BatchRowRecord } from "./record-batch";
import { validateBatchRequest, type ValidatedBatchRow } from "./validate-batch";

export interface BatchDispatchDeps extends Omit<DispatchDeps, "workflow"> {
  signer: UrlSigner;
  /** Every row's work starts in the batch's one statement (see DispatchDeps.workflow). */
  workflow: Pick<WorkflowEngine, "startBatchWorkSql" | "wake">;
}

export interface BatchDispatchOutcome {
  response: BatchResponse;
  /** True when the batch's key named a batch already accepted (nothing was charged now). */
  replayed: boolean;
}

/** Most characters of a batch's idempotency key (header or body). */
export const BATCH_KEY_MAX_LENGTH = 200;

/**
 * Accepts a batch of complementary-garment generations (POST /v1/batches): every row checked
 * first, then all rows priced, debited and recorded in one statement, each with its own job,
 * request id, ledger debit and idempotency key (derived from the batch's key and the row).
 *
 * - A batch the balance does not cover is refused whole (402, the shortfall in the message).
 * - The queue cap (STUDIO_MAX_QUEUED_JOBS_PER_CLIENT) admits a batch as one submission: it is
 *   refused (429, nothing charged) while the client already has `cap` unfinished jobs, and
 *   otherwise queued whole, even past the cap. A batch is bounded (1,000 rows), its jobs run
 *   under the per-client concurrency limit like any others, and the next dispatch or batch waits
 *   until the queue is back under the cap: a client holds at most cap - 1 + 1,000 unfinished
 *   jobs, and a file is never split into a part that ran and a part that did not.
 * - The same key again answers with the original batch and charges nothing; another body under
 *   the same key is 409. A batch key does not expire.
 */
export async function dispatchBatch(
  deps: BatchDispatchDeps,
  context: DispatchContext,
  raw: unknown,
): Promise<BatchDispatchOutcome> {
  const { caller } = context;
  const validated = await validateBatchRequest(deps, raw);
  const key = checkIdempotencyKey(
    validated.idempotencyKey ?? context.idempotencyKey,
    BATCH_KEY_MAX_LENGTH,
  );

  const rowCost = await generatorPrice(deps.reference);

  const bodyHash = requestBodyHash(
    validated.rows.map((row) => ({ sku: row.sku, request: row.request })),
  );
  if (key) {
    const replay = await replayBatch(deps, context, key, bodyHash);
    if (replay) return replay;
  }

  const batchId = ulid();
  const rows = validated.rows.map((row) => rowRecord(deps, row, key));
  const events = rows.map((row) => ({
    id: row.requestId,
    name: COMPLEMENTARY_GARMENT_OPERATION.eventName,
    // Every row's run joins the batch request's trace.
    data: dispatchEventData(
      { jobId: row.jobId, requestId: row.requestId, clientId: caller.clientId, mode: caller.mode },
      context.trace,
    ),
  }));
  let recorded;
  try {
    recorded = await recordBatch(deps.db, {
      ...dispatchRecordFields(context, rowCost),
      batchId,
      requestId: context.requestId,
      idempotency: key ? { key, bodyHash } : null,
      rows,
      startWork: (guard) => deps.workflow.startBatchWorkSql(events, guard),
      maxUnfinishedJobs: deps.maxQueuedJobsPerClient,
    });
  } catch (error) {
    // The same key committed first from a concurrent request: answer as it did.
    if (key && isUniqueViolation(error)) {
      const replay = await replayBatch(deps, context, key, bodyHash);
      if (replay) return replay;
    }
    throw error;
  }
  if (recorded.outcome === "queue_full") throw queueFull(recorded.unfinished);
  if (recorded.outcome === "insufficient_balance") {
    const total = rowCost * rows.length;
    const balance = await getBalance(deps.db, caller.clientId, caller.mode);
    throw batchNotCovered(total, balance);
  }
  deps.workflow.wake();
  return { response: await getBatch(deps.db, deps.signer, caller, batchId), replayed: false };
}

function rowRecord(
  deps: BatchDispatchDeps,
  row: ValidatedBatchRow,
  batchKey: string | null,
): BatchRowRecord {
  const rowHash = requestBodyHash(row.request);
  return {
    row: row.row,
    jobId: ulid(),
    requestId: ulid(),
    ledgerId: ulid(),
    sku: row.sku,
    request: row.request,
    resolved: resolveOptions(deps, row),
    idempotency: batchKey ? { key: rowIdempotencyKey(batchKey, row.row), bodyHash: rowHash } : null,
  };
}

/**
 * A row's idempotency key: derived from the batch's key and the row's place in it, so the same
 * file posted again under the same key maps every row onto the job it already has. The row's
 * body hash is stored with it, as for a single dispatch.
 */
export function rowIdempotencyKey(batchKey: string, row: number): string {
  const digest = createHash("sha256").update(`${batchKey}\u0000${row}`).digest("hex");
  return `batch-row:${digest}`;
}

function batchNotCovered(total: number, balance: number): ApiError {
  return new ApiError(
    "INSUFFICIENT_BALANCE",
    `This batch costs ${total} credits; the balance is ${balance}, ${total - balance} short. Nothing was charged.`,
    undefined,
    { "x-credits-shortfall": String(total - balance) },
  );
}

async function replayBatch(
  deps: BatchDispatchDeps,
  context: DispatchContext,
  key: string,
  bodyHash: string,
): Promise<BatchDispatchOutcome | null> {
  const { caller } = context;
  const stored = await deps.db.batch.findUnique({
    where: {
      clientId_mode_idempotencyKey: {
        clientId: caller.clientId,
        mode: caller.mode,
        idempotencyKey: key,
      },
    },
    select: { id: true, bodyHash: true },
  });
  if (!stored) return null;
  if (stored.bodyHash !== bodyHash)
    throw conflict("This batch key was already used for a batch with other rows.");
  return { response: await getBatch(deps.db, deps.signer, caller, stored.id), replayed: true };
}
