import type { Prisma, PrismaClient } from "@garment/db";
import { ResolvedJobOptions } from "@garment/schemas";

/** Values written to JSON columns: plain data built by our own code, so the cast is sound. */
export const toJson = (value: unknown) => value as Prisma.InputJsonValue;

export async function loadJob(db: PrismaClient, jobId: string) {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new Error(`Job ${jobId} does not exist.`);
  return {
    ...job,
    // Checked, not cast: a row written by another version fails loudly here, not mid-render.
    options: ResolvedJobOptions.parse(job.resolved),
    spec: job.request as Record<string, unknown>,
  };
}

/** A job someone cancelled (or that failed elsewhere) must not be worked on further. */
export async function isStillActive(db: PrismaClient, jobId: string): Promise<boolean> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { status: true } });
  return job?.status === "NOT_STARTED" || job?.status === "IN_PROGRESS";
}

export async function recordStageEvent(
  db: PrismaClient | Prisma.TransactionClient,
  jobId: string,
  event: {
    type?: "stage" | "succeeded";
    stage: string;
    message: string;
    extra?: Record<string, unknown>;
    artifacts?: string[];
  },
): Promise<void> {
  await db.jobEvent.create({
    data: {
      jobId,
      eventType: event.type ?? "stage",
      stage: event.stage,
      message: event.message,
      extra: (event.extra ?? {}) as Prisma.InputJsonValue,
      artifacts: event.artifacts ?? [],
    },
  });
}
