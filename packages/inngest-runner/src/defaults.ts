// Inngest's own defaults, which the runner applies the same way. Each value cites where it is
// defined: the executor (github.com/inngest/inngest) or the SDK (inngest-js, installed 4.24.0).

/**
 * Retries when a function sets no `retries`: the SDK then registers no `retries` at all
 * (InngestFunction.getConfig: `retries: undefined`), and the executor applies
 * `consts.DefaultRetryCount = 4` (pkg/consts/consts.go; pkg/inngest/function.go), so each step
 * gets 5 attempts. The SDK's own `defaultMaxRetries = 3` only serves its durable endpoints.
 */
export const DEFAULT_RETRIES = 4;

/** `<fn>-failure` is registered with `retries: { attempts: 1 }` (InngestFunction.getConfig). */
export const FAILURE_HANDLER_RETRIES = 1;

/**
 * Most steps one run may memoize: `consts.DefaultMaxStepLimit = 1_000` (pkg/consts/consts.go),
 * checked before each call (pkg/execution/executor/validate.go checkStepLimit) and against the
 * ops of one answer (executor.go: `len(resp.Generator) > DefaultMaxStepLimit`).
 */
export const MAX_STEPS_PER_RUN = 1_000;

/** The error a run fails with past the step cap (pkg/execution/executor/validate.go). */
export function stepLimitError(limit: number) {
  return {
    name: "InngestErrFunctionOverflowed",
    message: `The function run exceeded the step limit of ${limit} steps.`,
  };
}

/**
 * How long the executor waits for one SDK call: `consts.MaxFunctionTimeout = 2 * time.Hour`
 * (pkg/consts/consts.go), the context deadline of each request (httpdriver.go `do`). Past it the
 * call is an error like any other, and retried.
 */
export const CALL_TIMEOUT_MS = 2 * 60 * 60 * 1_000;
