import type { ErrorCode, ValidationErrorItem } from "@garment/schemas";
import { initTRPC, TRPCError } from "@trpc/server";
import { ApiError } from "../errors";
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

const INTERNAL_MESSAGE = "Something went wrong on our side.";

/** The API's error, as carried in a tRPC error's `data.api` (same codes as REST). */
export interface TrpcApiErrorData {
  code: ErrorCode;
  request_id: string;
  detail?: ValidationErrorItem[];
}

/** A TRPCError that keeps the ApiError it maps and the id of the call that failed. */
class CallError extends TRPCError {
  constructor(
    readonly apiError: ApiError,
    readonly requestId: string,
  ) {
    super({ code: TRPC_CODE[apiError.code], message: apiError.message, cause: apiError });
  }
}

/** Whether a tRPC error is the edge's (already logged and sanitised). */
export function isEdgeError(error: unknown): boolean {
  return error instanceof CallError;
}

/** tRPC's rendering of the edge's errors (the edge has already logged and sanitised them). */
export function toTrpcError(error: unknown, requestId: string): TRPCError {
  const apiError = error instanceof ApiError ? error : new ApiError("INTERNAL", INTERNAL_MESSAGE);
  return new CallError(apiError, requestId);
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error, ctx }) {
    // A 5xx that did not come through the edge (tRPC's own, or a throw outside an operation)
    // says nothing of its cause: the edge's 5xx messages are already the sanitised ones.
    const internal = shape.data.httpStatus >= 500 && !(error instanceof CallError);
    const api: TrpcApiErrorData | null =
      error instanceof CallError
        ? {
            code: error.apiError.code,
            request_id: error.requestId,
            ...(error.apiError.detail ? { detail: error.apiError.detail } : {}),
          }
        : error.cause instanceof ApiError
          ? { code: error.cause.code, request_id: ctx?.requestId ?? "" }
          : internal
            ? { code: "INTERNAL", request_id: ctx?.requestId ?? "" }
            : null;
    return {
      ...shape,
      message: internal ? INTERNAL_MESSAGE : shape.message,
      data: { ...shape.data, stack: undefined, api },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The bare procedure: every procedure is an operation run through the edge (procedures.ts). */
export const procedure = t.procedure;
