import type { PrismaClient } from "@garment/db";
import type { Caller } from "../../auth/caller";
import { jobNotFound } from "../../errors";

/** A job of the caller's client in the caller's mode; anything else is JOB_NOT_FOUND (no leaks). */
export async function findOwnedJob(db: PrismaClient, caller: Caller, jobId: string) {
  const job = await db.job.findFirst({
    where: { id: jobId, clientId: caller.clientId, mode: caller.mode },
  });
  if (!job) throw jobNotFound();
  return job;
}
