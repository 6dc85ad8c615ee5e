import { zodIssuesToDetail } from "@garment/schemas";
import type { z } from "zod";
import { validationFailed } from "../errors";

/** Parses a query string with a zod schema; repeated keys become arrays where the schema wants one. */
export function parseQuery<T extends z.ZodObject>(
  url: URL,
  schema: T,
  arrayKeys: string[] = [],
): z.infer<T> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = arrayKeys.includes(key) ? values : (values.at(-1) ?? "");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationFailed(zodIssuesToDetail(parsed.error.issues, raw, "query"));
  return parsed.data;
}
