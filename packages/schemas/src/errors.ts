import { z } from "zod";

/** Every code the API answers with, and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  INSUFFICIENT_BALANCE: 402,
  FORBIDDEN: 403,
  JOB_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_ERROR: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  request_id: z.string(),
});

export const ErrorEnvelope = z
  .object({ error: ErrorBody })
  .meta({ id: "ErrorEnvelope", description: "Every non-2xx answer." });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** One pydantic-v2-style validation problem. */
export const ValidationErrorItem = z
  .object({
    loc: z.array(z.union([z.string(), z.int()])).meta({ title: "Location" }),
    msg: z.string().meta({ title: "Message" }),
    type: z.string().meta({ title: "Error Type" }),
  })
  .meta({ id: "ValidationError" });
export type ValidationErrorItem = z.infer<typeof ValidationErrorItem>;

/** A 422 carries both FastAPI's `detail` and our envelope. */
export const HTTPValidationError = z
  .object({
    detail: z.array(ValidationErrorItem),
    error: ErrorBody.optional(),
  })
  .meta({ id: "HTTPValidationError" });
export type HTTPValidationError = z.infer<typeof HTTPValidationError>;
