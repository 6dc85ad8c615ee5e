import { ERROR_STATUS, type ErrorCode, type ValidationErrorItem } from "@garment/schemas";

/**
 * A failure the caller should hear about, as a value with a code. Each transport maps it once
 * (REST: status + envelope; tRPC: TRPCError with the same code in `data`).
 */
// Next's production build gives the instrumentation hook (which builds the runtime: the rate
// limiter, storage…) and the route handlers separate copies of this module, so an ApiError
// thrown by a runtime object failed `instanceof ApiError` in a route and answered 500 (a rate
// limited request, for one). The brand is a registered symbol, the same in every copy.
const API_ERROR_BRAND = Symbol.for("@garment/server:ApiError");

export class ApiError extends Error {
  /** `instanceof ApiError` holds for an ApiError from any copy of this module. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && API_ERROR_BRAND in value;
  }

  readonly [API_ERROR_BRAND] = true;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: ValidationErrorItem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }
}

export const unauthenticated = (message = "Missing or invalid API key.") =>
  new ApiError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => new ApiError("FORBIDDEN", message);
export const insufficientBalance = (cost: number, balance: number) =>
  new ApiError(
    "INSUFFICIENT_BALANCE",
    `This request costs ${cost} credits; the balance is ${balance}.`,
  );
export const validationFailed = (detail: ValidationErrorItem[]) =>
  new ApiError("VALIDATION_ERROR", summarizeDetail(detail), detail);
export const conflict = (message: string) => new ApiError("CONFLICT", message);
export const jobNotFound = () => new ApiError("JOB_NOT_FOUND", "No such job.");
export const resourceNotFound = (what: string) =>
  new ApiError("RESOURCE_NOT_FOUND", `No such ${what}.`);
export const serviceUnavailable = (message: string) => new ApiError("SERVICE_UNAVAILABLE", message);

function summarizeDetail(detail: ValidationErrorItem[]): string {
  const fields = detail.map((item) => item.loc.slice(1).join(".") || item.loc.join("."));
  return `Request validation failed: ${[...new Set(fields)].join(", ")}.`;
}
