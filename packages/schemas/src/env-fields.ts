import { z } from "zod";

/**
 * Building blocks for each package's environment schema (`env.ts`, validated with
 * `@t3-oss/env-core`). Every field is optional text as the shell gives it; a blank value
 * (unset, empty or only spaces) counts as unset, so `FOO=` behaves like no `FOO` at all.
 */
export type EnvSource = Record<string, string | undefined>;

/** The source with blank values removed (the rule above, applied once before validation). */
export function withoutBlankValues(source: EnvSource): EnvSource {
  const clean: EnvSource = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== "") clean[name] = value;
  }
  return clean;
}

/** Free text (a URL, a key, a path). */
export const envText = () => z.string().optional();

/** A whole number ≥ `min`: "abc", "1.5" and "-3" are errors, never NaN. */
export const envInteger = (min = 0) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number ≥ ${min}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be ≥ ${min}`))
    .optional();

/** An http(s) URL, kept as its origin ("https://studio.example.com"): paths and queries drop. */
export const envOrigin = () =>
  z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .transform((value) => new URL(value).origin)
    .optional();

/** On/off: 1/true/yes or 0/false/no (any case); anything else is an error. */
export const envFlag = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["1", "true", "yes", "0", "false", "no"], "must be 1/true/yes or 0/false/no"))
    .transform((value) => value === "1" || value === "true" || value === "yes")
    .optional();

/** One of a fixed list of values. */
export const envChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, `must be one of ${values.join(", ")}`).optional();

/** A problem with one variable, as validators report it. */
export interface EnvIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined;
}

/** One error naming every bad variable and what is wrong with it (never its value: it may be a secret). */
export class InvalidEnvironmentError extends Error {
  constructor(readonly issues: readonly EnvIssue[]) {
    const lines = issues.map((issue) => {
      const key = issue.path?.[0];
      const name = typeof key === "object" && key !== null ? key.key : key;
      return `  ${String(name ?? "?")}: ${issue.message}`;
    });
    super(`Invalid environment variables:\n${lines.join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** For `createEnv({ onValidationError })`: throw the error above instead of logging. */
export function throwInvalidEnvironment(issues: readonly EnvIssue[]): never {
  throw new InvalidEnvironmentError(issues);
}
