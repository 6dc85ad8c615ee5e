import type { PrismaClient } from "@garment/db";

export type HealthCheck = { ok: true } | { ok: false; reason: string };

/** Default deadline of one check: an unreachable host must not hold the probe for the OS timeout. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/** The database answers a trivial query within the deadline. */
export async function checkDatabaseReachable(
  db: PrismaClient,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthCheck> {
  try {
    await withDeadline(db.$queryRaw`SELECT 1 AS ok`, timeoutMs);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${describe(error)}` };
  }
}

/** Every migration this build ships is recorded as applied (and none was rolled back). */
export async function checkMigrationsApplied(
  db: PrismaClient,
  expected: readonly string[],
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthCheck> {
  try {
    const rows = await withDeadline(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeoutMs,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = expected.filter((name) => !applied.has(name));
    if (pending.length === 0) return { ok: true };
    return { ok: false, reason: `migrations not applied: ${pending.join(", ")}` };
  } catch (error) {
    return { ok: false, reason: `migrations unknown: ${describe(error)}` };
  }
}

async function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Only the driver's message (host and port at most); a connection URL is never part of it.
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
}
