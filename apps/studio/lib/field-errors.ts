/**
 * Field errors from an API error's 422 detail (a tRPC client error, or a server action's error
 * shape: both carry it in `data.api.detail`): `loc: ["body", field, …]` → field → message.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const detail = (
    error as { data?: { api?: { detail?: { loc: (string | number)[]; msg: string }[] } } }
  )?.data?.api?.detail;
  const fields: Record<string, string> = {};
  for (const item of detail ?? []) {
    const field = item.loc[0] === "body" ? item.loc[1] : item.loc[0];
    if (typeof field === "string" && !fields[field]) fields[field] = item.msg;
  }
  return fields;
}
