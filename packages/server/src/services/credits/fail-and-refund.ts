import type { PrismaClient } from "@garment/db";
import { ulid } from "../../ids";
import type { Logger } from "pino";
import type { Metrics } from "../../ports/metrics";

export interface FailJobInput {
  jobId: string;
  /** Machine-readable reason, e.g. `technical_failure`, `evaluation_failed`, `cancelled`. */
  reason: string;
  message: string;
  stage?: string | null;
  extra?: Record<string, unknown>;
}

/** Who hears of a failure this call made: the operator's metrics and the job's log. */
export interface JobObservers {
  metrics?: Pick<Metrics, "jobFinished" | "creditsRefunded"> | undefined;
  logger?: Logger | undefined;
}

export interface FailJobResult {
  /** False when the job was already terminal (nothing changed). */
  failed: boolean;
  refundedCredits: number;
}

/**
 * Ends a job in FAILURE and refunds its debit, exactly once, in one statement: the status
 * change only applies to a job that is not terminal, and the refund is a ledger row unique per
 * request, so retries, concurrent cancels and crash recovery can all call this safely.
 */
export async function failJobAndRefund(
  db: PrismaClient,
  input: FailJobInput,
  /** Told of the transition and the refund only when this call made them (so once per job). */
  observers: JobObservers = {},
): Promise<FailJobResult> {
  const extra = JSON.stringify({ reason: input.reason, ...input.extra });
  const rows = await db.$queryRaw<
    { failed: bigint; refunded: number | null; request_id: string | null }[]
  >`
    WITH job AS (
      UPDATE jobs SET status = 'FAILURE'::"JobStatus", failure_reason = ${input.reason}, finished_at = now(), updated_at = now()
       WHERE id = ${input.jobId} AND status IN ('NOT_STARTED'::"JobStatus", 'IN_PROGRESS'::"JobStatus")
      RETURNING id, client_id, mode, request_id, credits_cost
    ), refund AS (
      INSERT INTO credit_ledger (id, client_id, mode, amount, kind, request_id, job_id, note)
      SELECT ${ulid()}, client_id, mode, credits_cost, 'refund'::"LedgerKind", request_id, id, ${input.reason}
        FROM job WHERE credits_cost > 0
      ON CONFLICT (request_id, kind) DO NOTHING
      RETURNING client_id, mode, amount
    ), credit AS (
      UPDATE credit_accounts AS account SET balance = account.balance + refund.amount, updated_at = now()
        FROM refund WHERE account.client_id = refund.client_id AND account.mode = refund.mode
      RETURNING account.balance
    ), failed_event AS (
      INSERT INTO job_events (job_id, event_type, stage, message, extra)
      SELECT id, 'failed', ${input.stage ?? null}, ${input.message},
             ${extra}::jsonb || jsonb_build_object('refunded_credits', COALESCE((SELECT amount FROM refund), 0))
        FROM job
    )
    SELECT (SELECT count(*) FROM job) AS failed, (SELECT amount FROM refund) AS refunded,
           (SELECT request_id FROM job) AS request_id`;
  const row = rows[0];
  const result = { failed: Number(row?.failed ?? 0) > 0, refundedCredits: row?.refunded ?? 0 };
  if (result.failed) {
    const { metrics, logger } = observers;
    metrics?.jobFinished({ status: "FAILURE", reason: input.reason });
    if (row?.refunded !== null && row?.refunded !== undefined)
      metrics?.creditsRefunded({ amount: result.refundedCredits, reason: input.reason });
    logger?.info(
      {
        jobId: input.jobId,
        requestId: row?.request_id ?? null,
        status: "FAILURE",
        reason: input.reason,
        stage: input.stage ?? null,
        refundedCredits: result.refundedCredits,
      },
      "job failed",
    );
  }
  return result;
}
