import { createHash } from "node:crypto";
import type { DataMode, PrismaClient } from "@garment/db";
import { validationFailed } from "../../errors";
import { stableStringify } from "../stable-json";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * The Idempotency-Key a request brought (null: none), or 422 naming the header when it is empty
 * or longer than `maxLength` (a batch's is shorter: its rows' keys are derived from it).
 */
export function checkIdempotencyKey(
  key: string | null | undefined,
  maxLength = IDEMPOTENCY_KEY_MAX_LENGTH,
): string | null {
  if (key === undefined || key === null) return null;
  if (key.length === 0 || key.length > maxLength) {
    throw validationFailed([
      {
        loc: ["header", "Idempotency-Key"],
        msg: `Idempotency-Key must be 1 to ${maxLength} characters`,
        type: "value_error",
      },
    ]);
  }
  return key;
}

/** Hash of the validated request with keys sorted, so whitespace and key order don't matter. */
export function requestBodyHash(request: unknown): string {
  return createHash("sha256").update(stableStringify(request)).digest("hex");
}

export interface StoredIdempotentResponse {
  bodyHash: string;
  requestId: string;
  jobId: string;
  creditsCost: number;
}

/** The live (within 24 h) record of a key; an expired one is removed so the key can be reused. */
export async function findIdempotentResponse(
  db: PrismaClient,
  clientId: string,
  mode: DataMode,
  key: string,
  now: Date,
): Promise<StoredIdempotentResponse | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { clientId_mode_key: { clientId, mode, key } },
  });
  if (!row) return null;
  if (now.getTime() - row.createdAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
    await db.idempotencyKey.deleteMany({
      where: { clientId, mode, key, createdAt: row.createdAt },
    });
    return null;
  }
  return {
    bodyHash: row.bodyHash,
    requestId: row.requestId,
    jobId: row.jobId,
    creditsCost: row.creditsCost,
  };
}
