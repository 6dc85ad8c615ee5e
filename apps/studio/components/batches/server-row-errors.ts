import { fieldOfItemKey, type RowErrors } from "./batch-rows";

interface DetailItem {
  loc: (string | number)[];
  msg: string;
}

/**
 * The rows a 422 from `batches.create` names (`loc: ["body", "items", row, field]`), with each
 * field's message, so the server's own checks (a color it cannot read) show in the grid's cells
 * like the browser's.
 */
export function serverRowErrors(error: unknown): Map<number, RowErrors> {
  const detail = (error as { data?: { api?: { detail?: DetailItem[] } } } | null)?.data?.api
    ?.detail;
  const rows = new Map<number, RowErrors>();
  for (const item of detail ?? []) {
    const [where, items, row, key] = item.loc;
    if (where !== "body" || items !== "items" || typeof row !== "number") continue;
    const name = String(key ?? "");
    const field = fieldOfItemKey(name);
    const errors = rows.get(row) ?? {};
    errors[field ?? "row"] ??= field ? item.msg : `${name}: ${item.msg}`;
    rows.set(row, errors);
  }
  return rows;
}
