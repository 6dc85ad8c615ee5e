import type { PrismaClient } from "@garment/db";
import {
  DEFAULT_GENERATOR_OPTIONS,
  MAX_SEED,
  renderDimensions,
  type ResolvedJobOptions,
  type WorkflowAcceptedResponse,
} from "@garment/schemas";
import { randomInt } from "node:crypto";
import { ulid } from "../../ids";
import type { Caller } from "../../auth/caller";
import type { WorkflowEngine } from "../../ports/workflow-engine";
import { ApiError, conflict, forbidden, insufficientBalance } from "../../errors";
import { getBalance } from "../credits/balance";
import type { ReferenceData } from "../reference/reference-data";
import { checkIdempotencyKey, findIdempotentResponse, requestBodyHash } from "./idempotency";
import {
  COMPLEMENTARY_GARMENT_OPERATION,
  dispatchEventData,
  dispatchRecordFields,
  type DispatchContext,
} from "./operation";
import type { DispatchRecorder } from "./dispatch-recorder";
import { isUniqueViolation, type DispatchRecordOutcome } from "./record-dispatch";
import { validateDispatchRequest, type ValidatedDispatch } from "./validate-request";

export interface DispatchDeps {
  db: PrismaClient;
  reference: ReferenceData;
  /**
   * The hand-off is transactional: the dispatch statement itself writes the row that starts the
   * work (`startWorkSql`), so nothing is charged for work that could be lost between two
   * statements, and a briefly unreachable Inngest delays the job instead of failing it.
   */
  workflow: Pick<WorkflowEngine, "startWorkSql" | "wake">;
  /** Records the dispatch statement (group commit of one client's concurrent dispatches). */
  dispatches: DispatchRecorder;
  isImageModelAvailable(id: string): boolean;
  defaultImageModelId: string;
  /** Most unfinished jobs one client may have (past it: 429 with Retry-After); null: no cap. */
  maxQueuedJobsPerClient: number | null;
  now?: () => Date;
}

/** How long a client whose queue is full is asked to wait before trying again. */
export const QUEUE_FULL_RETRY_AFTER_SECONDS = 10;

export interface DispatchOutcome {
  response: WorkflowAcceptedResponse;
  /** True when an Idempotency-Key replayed an earlier acceptance (nothing was charged). */
  replayed: boolean;
}

/**
 * Accepts one complementary-garment generation: validate, price, debit and record in one
 * statement, then hand the job to the workflow engine. The one function behind REST and tRPC.
 */
export async function dispatchComplementaryGarment(
  deps: DispatchDeps,
  context: DispatchContext,
  rawInput: unknown,
): Promise<DispatchOutcome> {
  const { caller } = context;
  const idempotencyKey = checkIdempotencyKey(context.idempotencyKey);
  const validated = await validateDispatchRequest(deps, rawInput);

  const cost = await generatorPrice(deps.reference);

  const bodyHash = idempotencyKey ? requestBodyHash(validated.request) : "";
  if (idempotencyKey) {
    const replay = await replayIdempotent(deps, caller, idempotencyKey, bodyHash);
    if (replay) return replay;
  }

  const jobId = ulid();
  const event = {
    id: context.requestId,
    name: COMPLEMENTARY_GARMENT_OPERATION.eventName,
    data: dispatchEventData(
      { jobId, requestId: context.requestId, clientId: caller.clientId, mode: caller.mode },
      context.trace,
    ),
  };
  let recorded: DispatchRecordOutcome;
  try {
    recorded = await deps.dispatches.record({
      ...dispatchRecordFields(context, cost),
      requestId: context.requestId,
      jobId,
      request: validated.request,
      resolved: resolveOptions(deps, validated),
      idempotency: idempotencyKey ? { key: idempotencyKey, bodyHash } : null,
      startWork: (guard) => deps.workflow.startWorkSql(event, guard),
      maxUnfinishedJobs: deps.maxQueuedJobsPerClient,
    });
  } catch (error) {
    // A concurrent request with the same Idempotency-Key committed first: answer as it did.
    if (idempotencyKey && isUniqueViolation(error)) {
      const replay = await replayIdempotent(deps, caller, idempotencyKey, bodyHash);
      if (replay) return replay;
    }
    throw error;
  }
  if (recorded.outcome === "queue_full") throw queueFull(recorded.unfinished);
  if (recorded.outcome === "insufficient_balance")
    throw insufficientBalance(cost, await getBalance(deps.db, caller.clientId, caller.mode));

  deps.workflow.wake();
  return {
    response: {
      request_id: context.requestId,
      job_id: jobId,
      status: "NOT_STARTED",
      credits_cost: cost,
    },
    replayed: false,
  };
}

export function queueFull(unfinished: number): ApiError {
  return new ApiError(
    "RATE_LIMITED",
    `This client already has ${unfinished} unfinished jobs, the most it may have queued; nothing was charged. Retry after ${QUEUE_FULL_RETRY_AFTER_SECONDS} s.`,
    undefined,
    { "retry-after": String(QUEUE_FULL_RETRY_AFTER_SECONDS) },
  );
}

/** The price of one generation now; 403 while the operator has switched the operation off. */
export async function generatorPrice(reference: ReferenceData): Promise<number> {
  const operation = await reference.operation(COMPLEMENTARY_GARMENT_OPERATION.name);
  if (!operation?.enabled)
    throw forbidden(`The operation '${COMPLEMENTARY_GARMENT_OPERATION.name}' is disabled.`);
  return operation.creditsCost;
}

async function replayIdempotent(
  deps: DispatchDeps,
  caller: Caller,
  key: string,
  bodyHash: string,
): Promise<DispatchOutcome | null> {
  const stored = await findIdempotentResponse(
    deps.db,
    caller.clientId,
    caller.mode,
    key,
    (deps.now ?? (() => new Date()))(),
  );
  if (!stored) return null;
  if (stored.bodyHash !== bodyHash) {
    throw conflict(
      "This Idempotency-Key was used with a different request body in the last 24 hours.",
    );
  }
  // The job's state now, not the state it was accepted in: a replay after a refund says FAILURE.
  const job = await deps.db.job.findUnique({
    where: { id: stored.jobId },
    select: { status: true },
  });
  return {
    response: {
      request_id: stored.requestId,
      job_id: stored.jobId,
      status: job?.status ?? "NOT_STARTED",
      credits_cost: stored.creditsCost,
    },
    replayed: true,
  };
}

/** Everything the workflow needs decided up front, so a retried run never re-rolls a seed. */
export function resolveOptions(
  deps: Pick<DispatchDeps, "defaultImageModelId">,
  validated: ValidatedDispatch,
): ResolvedJobOptions {
  const { request } = validated;
  const resolution = request.resolution ?? DEFAULT_GENERATOR_OPTIONS.resolution;
  const aspectRatio = request.aspect_ratio ?? DEFAULT_GENERATOR_OPTIONS.aspect_ratio;
  return {
    seed: request.seed ?? randomInt(0, MAX_SEED),
    seedWasRandom: request.seed === null || request.seed === undefined,
    imageModel: request.image_model ?? deps.defaultImageModelId,
    evalEnabled: request.eval_enabled ?? DEFAULT_GENERATOR_OPTIONS.eval_enabled,
    onTechnicalFailure:
      request.on_technical_failure ?? DEFAULT_GENERATOR_OPTIONS.on_technical_failure,
    resolution,
    aspectRatio,
    ...renderDimensions(resolution, aspectRatio),
    category: {
      publicId: validated.category.publicId,
      slot: validated.category.slot,
      name: validated.category.name,
    },
    pilotBrand: validated.brand
      ? { publicId: validated.brand.publicId, slug: validated.brand.slug }
      : null,
    colorHex: validated.colorHex,
  };
}
