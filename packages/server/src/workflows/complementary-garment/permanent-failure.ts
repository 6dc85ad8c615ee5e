/**
 * A step failure that no retry can fix (an unknown category, a refused prompt, a model that is
 * not available). The Inngest wiring turns it into a NonRetriableError; the steps stay free of
 * workflow-engine imports.
 */
export class PermanentFailure extends Error {
  constructor(
    message: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PermanentFailure";
  }
}
