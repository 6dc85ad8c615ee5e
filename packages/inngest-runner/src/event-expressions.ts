// The small subset of Inngest's CEL expressions the embedded runner evaluates itself: plain
// field paths (for `idempotency` and concurrency keys, which may also be a quoted string) and `==`/`!=` comparisons with literals joined by `&&` (for
// trigger `if`). Anything else is refused when the runner starts rather than guessed at.

type Literal = string | number | boolean | null;

interface Comparison {
  path: string[];
  operator: "==" | "!=";
  literal: Literal;
}

const FIELD_PATH = /^event(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const COMPARISON = /^(event(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(==|!=)\s*(.+)$/;

/** `event.data.requestId` → ["data", "requestId"], or undefined when it is not a plain path. */
export function parseFieldPath(expression: string): string[] | undefined {
  const trimmed = expression.trim();
  if (!FIELD_PATH.test(trimmed)) return undefined;
  return trimmed.split(".").slice(1);
}

export function readPath(event: unknown, path: string[]): unknown {
  let value: unknown = event;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A key expression (concurrency keys): a field path over the event, or a quoted string
 * (`"openai"`, a queue shared by name); undefined for anything else.
 */
export function compileKeyExpression(
  expression: string,
): ((event: unknown) => unknown) | undefined {
  const path = parseFieldPath(expression);
  if (path) return (event) => readPath(event, path);
  const literal = parseLiteral(expression.trim());
  if (literal && typeof literal.value === "string") {
    const value = literal.value;
    return () => value;
  }
  return undefined;
}

/** A predicate for a trigger `if`, or undefined when the expression is outside the subset. */
export function compileEventFilter(expression: string): ((event: unknown) => boolean) | undefined {
  const comparisons: Comparison[] = [];
  for (const clause of expression.split("&&")) {
    const match = COMPARISON.exec(clause.trim());
    if (!match?.[1] || !match[2] || !match[3]) return undefined;
    const literal = parseLiteral(match[3].trim());
    if (literal === undefined) return undefined;
    comparisons.push({
      path: match[1].split(".").slice(1),
      operator: match[2] as Comparison["operator"],
      literal: literal.value,
    });
  }
  return (event) =>
    comparisons.every(({ path, operator, literal }) => {
      const equal = readPath(event, path) === literal;
      return operator === "==" ? equal : !equal;
    });
}

function parseLiteral(text: string): { value: Literal } | undefined {
  if (/^'[^'\\]*'$/.test(text) || /^"[^"\\]*"$/.test(text)) return { value: text.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (text === "true" || text === "false") return { value: text === "true" };
  if (text === "null") return { value: null };
  return undefined;
}
