/** The query string as an object; keys in `arrayKeys` keep every value, others their last one. */
export function queryObject(
  url: URL,
  arrayKeys: readonly string[] = [],
): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = arrayKeys.includes(key) ? values : (values.at(-1) ?? "");
  }
  return raw;
}
