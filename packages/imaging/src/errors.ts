/**
 * Why a render failed, in words the workflow can act on: `retriable` says whether trying
 * again (same or next seed, after a backoff) can succeed; the code says what went wrong.
 */
export type ImageModelErrorCode =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "bad_request"
  | "content_refused"
  | "unauthorized"
  | "network";

const RETRIABLE_CODES: ReadonlySet<ImageModelErrorCode> = new Set([
  "timeout",
  "rate_limited",
  "server_error",
  "network",
]);

export class ImageModelError extends Error {
  override readonly name = "ImageModelError";
  readonly code: ImageModelErrorCode;
  readonly retriable: boolean;
  readonly modelId: string;
  /** HTTP status of the upstream answer, when there was one. */
  readonly status: number | undefined;
  /** Seconds the upstream asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ImageModelErrorCode,
    message: string,
    options: { modelId: string; status?: number; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retriable = RETRIABLE_CODES.has(code);
    this.modelId = options.modelId;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isImageModelError(error: unknown): error is ImageModelError {
  return error instanceof ImageModelError;
}
