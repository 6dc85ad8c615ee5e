import type { PrismaClient } from "@garment/db";
import type { JobDetailResponse } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { failJobAndRefund, type JobObservers } from "../credits/fail-and-refund";
import { conflict } from "../../errors";
import type { UrlSigner } from "../../storage/url-signer";
import { findOwnedJob } from "./find-owned-job";
import { getJobDetail } from "./get-job";

/**
 * Cancels a job that is not terminal and refunds it. The workflow checks the job's status
 * before each step, so a running generation stops at its next step boundary.
 */
export async function cancelJob(
  db: PrismaClient,
  signer: UrlSigner,
  caller: Caller,
  jobId: string,
  observers?: JobObservers,
): Promise<JobDetailResponse> {
  await findOwnedJob(db, caller, jobId);
  const { failed } = await failJobAndRefund(
    db,
    {
      jobId,
      reason: "cancelled",
      message: "Cancelled by the client; the credits were refunded.",
    },
    observers,
  );
  if (!failed) throw conflict("The job has already finished and cannot be cancelled.");
  return getJobDetail(db, signer, caller, jobId);
}
