import type { z } from "zod";
import type { ValidationErrorItem } from "./errors";

export type LocRoot = "body" | "query" | "path";

/**
 * Maps zod issues onto pydantic v2's `detail` items, so FastAPI-style clients of the original
 * API keep working. `input` is the raw value that was parsed: zod does not report whether a
 * field was absent, and pydantic distinguishes `missing` from a wrong type.
 */
export function zodIssuesToDetail(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  /** Where the input came from; a function when its fields came from several places (REST path + query). */
  root: LocRoot | ((field: PropertyKey | undefined) => LocRoot) = "body",
): ValidationErrorItem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // A nullable field that got neither null nor its type: report the non-null branch.
      const branch = issue.errors.find((e) => e.length > 0) ?? [];
      return zodIssuesToDetail(
        branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        input,
        root,
      );
    }
    const where = typeof root === "function" ? root(issue.path[0]) : root;
    const loc = [where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    return [{ loc, ...describe(issue, valueAt(input, issue.path)) }];
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return { found: false, value: undefined };
    if (!Object.prototype.hasOwnProperty.call(current, key))
      return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

const TYPE_NAMES: Record<string, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  object: ["dict_type", "Input should be a valid dictionary"],
  record: ["dict_type", "Input should be a valid dictionary"],
  array: ["list_type", "Input should be a valid list"],
};

function describe(
  issue: z.core.$ZodIssue,
  at: { found: boolean; value: unknown },
): { msg: string; type: string } {
  switch (issue.code) {
    case "invalid_type": {
      if (!at.found || at.value === undefined) return { type: "missing", msg: "Field required" };
      if (issue.expected === "int" && typeof at.value === "number") {
        return {
          type: "int_from_float",
          msg: "Input should be a valid integer, got a number with a fractional part",
        };
      }
      const [type, msg] = TYPE_NAMES[issue.expected] ?? ["value_error", issue.message];
      return { type, msg };
    }
    case "invalid_value": {
      const options = issue.values.map((v) => `'${String(v)}'`);
      const list =
        options.length > 1 ? `${options.slice(0, -1).join(", ")} or ${options.at(-1)}` : options[0];
      return { type: "literal_error", msg: `Input should be ${list}` };
    }
    case "too_big":
      if (issue.origin === "string") {
        return {
          type: "string_too_long",
          msg: `String should have at most ${String(issue.maximum)} characters`,
        };
      }
      if (issue.origin === "number" || issue.origin === "int") {
        return {
          type: "less_than_equal",
          msg: `Input should be less than or equal to ${String(issue.maximum)}`,
        };
      }
      if (issue.origin === "array") {
        return { type: "too_long", msg: `List should have at most ${String(issue.maximum)} items` };
      }
      return { type: "value_error", msg: issue.message };
    case "too_small":
      if (issue.origin === "string") {
        return {
          type: "string_too_short",
          msg: `String should have at least ${String(issue.minimum)} character${issue.minimum === 1 ? "" : "s"}`,
        };
      }
      if (issue.origin === "number" || issue.origin === "int") {
        return {
          type: "greater_than_equal",
          msg: `Input should be greater than or equal to ${String(issue.minimum)}`,
        };
      }
      if (issue.origin === "array") {
        return {
          type: "too_short",
          msg: `List should have at least ${String(issue.minimum)} items`,
        };
      }
      return { type: "value_error", msg: issue.message };
    case "invalid_format":
      return { type: "string_pattern_mismatch", msg: issue.message };
    default:
      return { type: "value_error", msg: `Value error, ${issue.message}` };
  }
}
