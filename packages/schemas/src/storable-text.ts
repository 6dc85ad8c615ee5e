import type { ValidationErrorItem } from "./errors";
import type { LocRoot } from "./validation-detail";

/** At most this many items are reported; a body full of NULs is still one short 422. */
const MAX_REPORTED = 20;

const UNPAIRED_SURROGATE = /\p{Cs}/u;
const UNPAIRED_SURROGATES = /\p{Cs}/gu;

/**
 * Why PostgreSQL cannot store this text, or null when it can. `text` refuses NUL (U+0000) and
 * `jsonb` refuses `\u0000` and unpaired UTF-16 surrogates (which would otherwise be replaced by
 * U+FFFD on the way in, silently changing what was sent).
 */
export function unstorableReason(text: string): { msg: string; type: string } | null {
  if (text.includes("\0")) {
    return {
      type: "string_unstorable",
      msg: "String should not contain the NUL character (U+0000)",
    };
  }
  if (UNPAIRED_SURROGATE.test(text)) {
    return {
      type: "string_unstorable",
      msg: "String should not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)",
    };
  }
  return null;
}

/**
 * Every string in a request's raw input (values and object keys, at any depth) that PostgreSQL
 * cannot store, as 422 detail items naming the field. Run once at the edge, before any
 * operation's schema, so no route can forget it. Walks iteratively: a body nested 30,000 deep
 * must not overflow the stack.
 */
export function unstorableTextDetail(
  input: unknown,
  /** Where the input came from; a function when its fields came from several places. */
  root: LocRoot | ((field: PropertyKey | undefined) => LocRoot) = "body",
): ValidationErrorItem[] {
  const found: ValidationErrorItem[] = [];
  const report = (at: Step | null, reason: { msg: string; type: string }) => {
    const path = pathOf(at);
    found.push({ loc: [typeof root === "function" ? root(path[0]) : root, ...path], ...reason });
  };
  // Depth first, in document order; each step links to its parent, so depth costs no copying.
  const pending: { value: unknown; at: Step | null }[] = [{ value: input, at: null }];
  while (pending.length > 0 && found.length < MAX_REPORTED) {
    const { value, at } = pending.pop() as (typeof pending)[number];
    if (typeof value === "string") {
      const reason = unstorableReason(value);
      if (reason) report(at, reason);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ value: value[index] as unknown, at: { key: index, parent: at } });
      }
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, inner] = entries[index] as [string, unknown];
        const reason = unstorableReason(key);
        if (reason) {
          report({ key: printableKey(key), parent: at }, { ...reason, msg: `Key: ${reason.msg}` });
        } else {
          pending.push({ value: inner, at: { key, parent: at } });
        }
      }
    }
  }
  return found;
}

interface Step {
  key: string | number;
  parent: Step | null;
}

function pathOf(step: Step | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = step; at; at = at.parent) path.unshift(at.key);
  return path;
}

/** The key as the 422 can name it: each unstorable character shown as U+FFFD. */
function printableKey(key: string): string {
  return key.replaceAll("\0", "\uFFFD").replace(UNPAIRED_SURROGATES, "\uFFFD");
}
