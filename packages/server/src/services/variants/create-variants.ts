import type { PrismaClient } from "@garment/db";
import {
  MAX_SEED,
  ResolvedJobOptions,
  type VariantsAcceptedResponse,
  type WorkflowAcceptedResponse,
} from "@garment/schemas";
import { createHash, randomInt } from "node:crypto";
import type { Caller } from "../../auth/caller";
import { conflict } from "../../errors";
import { ulid } from "../../ids";
import { getBalance } from "../credits/balance";
import {
  generatorPrice,
  resolveOptions,
  type DispatchDeps,
} from "../dispatch/dispatch-complementary-garment";
import {
  checkIdempotencyKey,
  findIdempotentResponse,
  requestBodyHash,
} from "../dispatch/idempotency";
import {
  COMPLEMENTARY_GARMENT_OPERATION,
  dispatchEventData,
  dispatchRecordFields,
  type DispatchContext,
} from "../dispatch/operation";
import { isUniqueViolation, type DispatchRecord } from "../dispatch/record-dispatch";
import { validateDispatchRequest } from "../dispatch/validate-request";
import { findOwnedJob } from "../jobs/find-owned-job";
import { variantsNotCovered, variantsQueueFull } from "./variants-refusals";

export interface VariantsOutcome {
  response: VariantsAcceptedResponse;
  /** True when an Idempotency-Key replayed an earlier acceptance (nothing was charged now). */
  replayed: boolean;
}

/**
 * Asks for `count` variants of a successful job: new jobs of the same validated request, each
 * with a seed the group has not used, all pointing to the group's root (a variant of a variant
 * points to the root). They are priced, debited and queued through the dispatch statement, all
 * in one: the balance covers all of them or none is charged (402). Each variant is then a job
 * like any other: its own request id, ledger debit and refund exactly once if it fails.
 *
 * An Idempotency-Key makes a repeat a replay: each variant's key is derived from it and its
 * place in the set, so the same key and body answer with the same jobs; another body is 409.
 */
export async function createVariants(
  deps: DispatchDeps,
  context: DispatchContext,
  input: { jobId: string; count: number },
): Promise<VariantsOutcome> {
  const { caller } = context;
  const idempotencyKey = checkIdempotencyKey(context.idempotencyKey);
  const job = await findOwnedJob(deps.db, caller, input.jobId);
  if (job.status !== "SUCCESS") {
    throw conflict(
      `Variants are made from a finished generation; this job is ${job.status}. Nothing was charged.`,
    );
  }
  const rootId = job.variantOf ?? job.id;
  const validated = await validateDispatchRequest(deps, job.request);
  const cost = await generatorPrice(deps.reference);

  const bodyHash = requestBodyHash({ job_id: input.jobId, count: input.count });
  const keys = idempotencyKey ? variantKeys(idempotencyKey, input.count) : null;
  if (keys) {
    const replay = await replayVariants(deps, caller, rootId, keys, bodyHash);
    if (replay) return replay;
  }

  const request = { ...validated.request, seed: null };
  const seeds = await newSeeds(deps.db, caller, rootId, input.count);
  const records = seeds.map((seed, index): DispatchRecord => {
    // The first variant is the HTTP request itself (its request-log row); the others get their
    // own request ids, as every job does (its ledger debit, its refund, its run's event id).
    const requestId = index === 0 ? context.requestId : ulid();
    const jobId = ulid();
    const event = {
      id: requestId,
      name: COMPLEMENTARY_GARMENT_OPERATION.eventName,
      data: dispatchEventData(
        { jobId, requestId, clientId: caller.clientId, mode: caller.mode },
        context.trace,
      ),
    };
    return {
      ...dispatchRecordFields(context, cost),
      requestId,
      jobId,
      request,
      resolved: { ...resolveOptions(deps, { ...validated, request }), seed },
      idempotency: keys ? { key: keys[index] ?? "", bodyHash } : null,
      variantOf: rootId,
      startWork: (guard) => deps.workflow.startWorkSql(event, guard),
      maxUnfinishedJobs: deps.maxQueuedJobsPerClient,
    };
  });

  let recorded;
  try {
    recorded = await deps.dispatches.recordTogether(records);
  } catch (error) {
    // A concurrent request with the same Idempotency-Key committed first: answer as it did.
    if (keys && isUniqueViolation(error)) {
      const replay = await replayVariants(deps, caller, rootId, keys, bodyHash);
      if (replay) return replay;
    }
    throw error;
  }
  const total = cost * records.length;
  if (recorded.outcome === "queue_full")
    throw variantsQueueFull(recorded.unfinished, records.length, deps.maxQueuedJobsPerClient ?? 0);
  if (recorded.outcome === "insufficient_balance")
    throw variantsNotCovered(total, await getBalance(deps.db, caller.clientId, caller.mode));

  deps.workflow.wake();
  return {
    response: {
      root_job_id: rootId,
      credits_cost: total,
      jobs: records.map((r): WorkflowAcceptedResponse => ({
        request_id: r.requestId,
        job_id: r.jobId,
        status: "NOT_STARTED",
        credits_cost: r.creditsCost,
      })),
    },
    replayed: false,
  };
}

/** Each variant's Idempotency-Key, derived from the request's key and its place in the set. */
function variantKeys(key: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `variant:${createHash("sha256").update(`${key}\u0000${index}`).digest("hex")}`,
  );
}

async function replayVariants(
  deps: DispatchDeps,
  caller: Caller,
  rootId: string,
  keys: string[],
  bodyHash: string,
): Promise<VariantsOutcome | null> {
  const now = (deps.now ?? (() => new Date()))();
  const first = await findIdempotentResponse(
    deps.db,
    caller.clientId,
    caller.mode,
    keys[0] ?? "",
    now,
  );
  if (!first) return null;
  if (first.bodyHash !== bodyHash) {
    throw conflict(
      "This Idempotency-Key was used with a different variants request in the last 24 hours.",
    );
  }
  const stored = await deps.db.idempotencyKey.findMany({
    where: { clientId: caller.clientId, mode: caller.mode, key: { in: keys } },
  });
  const jobs = await deps.db.job.findMany({
    where: { id: { in: stored.map((row) => row.jobId) } },
    select: { id: true, status: true },
  });
  const statusOf = new Map(jobs.map((j) => [j.id, j.status]));
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const accepted = keys.flatMap((key): WorkflowAcceptedResponse[] => {
    const row = byKey.get(key);
    if (!row) return [];
    return [
      {
        request_id: row.requestId,
        job_id: row.jobId,
        // The job's state now: a replay after a refund says FAILURE.
        status: statusOf.get(row.jobId) ?? "NOT_STARTED",
        credits_cost: row.creditsCost,
      },
    ];
  });
  return {
    response: {
      root_job_id: rootId,
      credits_cost: accepted.reduce((sum, job) => sum + job.credits_cost, 0),
      jobs: accepted,
    },
    replayed: true,
  };
}

/** `count` seeds drawn at random, none already used by the group (so each variant differs). */
async function newSeeds(
  db: PrismaClient,
  caller: Caller,
  rootId: string,
  count: number,
): Promise<number[]> {
  const group = await db.job.findMany({
    where: {
      clientId: caller.clientId,
      mode: caller.mode,
      OR: [{ id: rootId }, { variantOf: rootId }],
    },
    select: { resolved: true },
  });
  const used = new Set(
    group.flatMap((job) => {
      const options = ResolvedJobOptions.safeParse(job.resolved);
      return options.success ? [options.data.seed] : [];
    }),
  );
  const seeds: number[] = [];
  while (seeds.length < count) {
    const seed = randomInt(0, MAX_SEED);
    if (used.has(seed)) continue;
    used.add(seed);
    seeds.push(seed);
  }
  return seeds;
}
