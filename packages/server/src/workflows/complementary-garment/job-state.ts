import type { Prisma, PrismaClient } from "@garment/db";

/** What dispatch resolved before hand-off (jobs.resolved). */
export interface ResolvedJobOptions {
  seed: number;
  imageModel: string;
  evalEnabled: boolean;
  onTechnicalFailure: "retry" | "fallback" | "fail";
  resolution: string;
  aspectRatio: string;
  width: number;
  height: number;
  category: { publicId: string; slot: string; name: string };
  pilotBrand: { publicId: string; slug: string } | null;
  colorHex: string;
}

/** Values written to JSON columns: plain data built by our own code, so the cast is sound. */
export const toJson = (value: unknown) => value as Prisma.InputJsonValue;

export async function loadJob(db: PrismaClient, jobId: string) {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new Error(`Job ${jobId} does not exist.`);
  return {
    ...job,
    options: job.resolved as unknown as ResolvedJobOptions,
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
