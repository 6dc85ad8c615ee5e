import type { AspectRatio, JobStatus, OnTechnicalFailure, Resolution } from "@garment/schemas";

/**
 * The shared zod schemas, loaded on demand. zod is most of a form page's JavaScript, so pages
 * fetch it after first paint (and the form awaits it before validating) instead of shipping it
 * up front. Values below are the schemas' enums as literals; `satisfies Record<…>` makes the
 * compiler check them against the schema types in both directions.
 */
export const loadSchemas = () => import("@garment/schemas");

const RESOLUTION_SET = { "0.5K": 1, "1K": 1, "2K": 1, "4K": 1 } satisfies Record<Resolution, 1>;
export const RESOLUTIONS = Object.keys(RESOLUTION_SET) as Resolution[];

const ASPECT_SET = {
  "1:1": 1,
  "2:3": 1,
  "3:2": 1,
  "3:4": 1,
  "4:3": 1,
  "4:5": 1,
  "5:4": 1,
  "9:16": 1,
  "16:9": 1,
  "21:9": 1,
} satisfies Record<AspectRatio, 1>;
export const ASPECT_RATIOS = Object.keys(ASPECT_SET) as AspectRatio[];

export const FAILURE_POLICIES = {
  retry: "Retry with backoff, then fail",
  fallback: "After retries, use the fallback model",
  fail: "Fail at once",
} satisfies Record<OnTechnicalFailure, string>;

export const JOB_STATUSES = {
  NOT_STARTED: "Queued",
  IN_PROGRESS: "In progress",
  SUCCESS: "Done",
  FAILURE: "Failed",
} satisfies Record<JobStatus, string>;

/** The schema's seed range is an unsigned 32-bit integer (MAX_SEED); it re-checks on submit. */
export const MAX_SEED = 4_294_967_295;

/** The schema's defaults (DEFAULT_GENERATOR_OPTIONS), for the form's initial state. */
export const DEFAULT_OPTIONS = {
  eval_enabled: true,
  resolution: "1K",
  aspect_ratio: "1:1",
  on_technical_failure: "retry",
} as const satisfies {
  eval_enabled: boolean;
  resolution: Resolution;
  aspect_ratio: AspectRatio;
  on_technical_failure: OnTechnicalFailure;
};
