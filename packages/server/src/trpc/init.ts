import { zodIssuesToDetail, type ErrorCode, type ValidationErrorItem } from "@garment/schemas";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { ApiError } from "../errors";
import { writeRequestLog } from "../services/request-log";
import type { TrpcContext } from "./context";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

const TRPC_CODE: Record<ErrorCode, TrpcCode> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  INSUFFICIENT_BALANCE: "PAYMENT_REQUIRED",
  FORBIDDEN: "FORBIDDEN",
  JOB_NOT_FOUND: "NOT_FOUND",
  RESOURCE_NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  VALIDATION_ERROR: "UNPROCESSABLE_CONTENT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** The API's error, as carried in a tRPC error's `data.api` (same codes as REST). */
export interface TrpcApiErrorData {
  code: ErrorCode;
  request_id: string;
  detail?: ValidationErrorItem[];
}

function toApiError(error: TRPCError, input: unknown): ApiError | null {
  if (error.cause instanceof ApiError) return error.cause;
  if (error.cause instanceof ZodError) {
    return new ApiError(
      "VALIDATION_ERROR",
      "Input validation failed.",
      zodIssuesToDetail(error.cause.issues, input),
    );
  }
  return null;
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error, ctx, input }) {
    const apiError = toApiError(error, input);
    const api: TrpcApiErrorData | null = apiError
      ? {
          code: apiError.code,
          request_id: ctx?.requestId ?? "",
          ...(apiError.detail ? { detail: apiError.detail } : {}),
        }
      : null;
    return { ...shape, data: { ...shape.data, stack: undefined, api } };
  },
});

/** Maps our ApiErrors onto tRPC errors (keeping the original as `cause`) and logs each call. */
const apiErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const startedAt = performance.now();
  const requestId = ctx.nextCallRequestId();
  const result = await next({ ctx: { callRequestId: requestId } });
  let statusCode = 200;
  let errorCode: string | null = null;
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ApiError) {
      result.error = new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
      statusCode = cause.status;
      errorCode = cause.code;
    } else if (result.error.cause instanceof ZodError || result.error.code === "BAD_REQUEST") {
      statusCode = 422;
      errorCode = "VALIDATION_ERROR";
    } else {
      ctx.runtime.logger.error({ err: result.error, path }, "unhandled error in a tRPC procedure");
      statusCode = 500;
      errorCode = "INTERNAL";
    }
  }
  const caller = await ctx.authenticate().catch(() => null);
  const moved = result.ok ? (result as { ok: true; data: unknown }).data : null;
  await writeRequestLog(ctx.runtime.db, {
    requestId,
    clientId: caller?.clientId ?? null,
    apiKeyId: caller?.apiKeyId ?? null,
    mode: caller?.mode ?? null,
    transport: "trpc",
    method: type === "mutation" ? "POST" : "GET",
    path: `trpc/${path}`,
    statusCode,
    latencyMs: Math.round(performance.now() - startedAt),
    creditsMoved: creditsMovedBy(moved),
    errorCode,
  }).catch((error: unknown) =>
    ctx.runtime.logger.error({ err: error }, "could not write the request log"),
  );
  return result;
});

function creditsMovedBy(data: unknown): number {
  if (
    data &&
    typeof data === "object" &&
    "credits_cost" in data &&
    !("replayed" in data && data.replayed)
  ) {
    return -Number((data as { credits_cost: number }).credits_cost);
  }
  return 0;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A procedure for callers with an API key (internal tools); the Studio adds sessions later. */
export const apiKeyProcedure = t.procedure.use(apiErrors).use(async ({ ctx, next }) => {
  const caller = await ctx.authenticate();
  return next({ ctx: { caller } });
});
