import { z } from "zod";

/**
 * `offset` is read for compatibility, up to this many rows: skipping rows costs as much as
 * reading them, so a deep page is reached with `cursor` instead (flat at any depth).
 */
export const MAX_OFFSET = 10_000;

/** Where a keyset page starts: after the row with this sort key (newest first). */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

const CURSOR_VERSION = "1";

function toBase64Url(text: string): string {
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The opaque `next_cursor`: the sort key of the last row of a page. */
export function encodeCursor(row: PageCursor): string {
  return toBase64Url(`${CURSOR_VERSION}.${row.createdAt.getTime()}.${row.id}`);
}

/** The sort key a cursor names, or null when it is not one this API issued. */
export function decodeCursor(cursor: string): PageCursor | null {
  let text: string;
  try {
    text = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
  const [, millis, id] = /^1\.(\d{1,15})\.([0-9A-Za-z_-]{1,64})$/.exec(text) ?? [];
  if (millis === undefined || id === undefined) return null;
  const createdAt = new Date(Number(millis));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}

/**
 * The one pagination query. `cursor` (the previous page's `next_cursor`) pages by keyset;
 * `offset` still works, capped at MAX_OFFSET (skipped after the cursor when both are given).
 * Query-string text or numbers; public lists take the defaults, the Studio asks for fewer.
 */
export function pageQuery({ defaultLimit = 50, maxLimit = 200 } = {}) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    cursor: z
      .string()
      .max(256)
      .refine((value) => decodeCursor(value) !== null, {
        message: "not a cursor this API issued; pass `next_cursor` of the previous page unchanged",
      })
      .optional()
      .meta({
        description: "Opaque: the `next_cursor` of the previous page. Pages by keyset.",
      }),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .refine((value) => value <= MAX_OFFSET, {
        message: `offset is capped at ${MAX_OFFSET}; page further with \`cursor\` (the \`next_cursor\` of the previous page)`,
      })
      .default(0)
      .meta({
        maximum: MAX_OFFSET,
        description: `Rows to skip, at most ${MAX_OFFSET} (kept for compatibility; prefer \`cursor\`).`,
      }),
  });
}

export const PageQuery = pageQuery();
export type PageQuery = z.infer<typeof PageQuery>;

/** The paging fields of every list response (each says what its `count` counts). */
export const PageInfo = z.object({
  limit: z.int(),
  offset: z.int(),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});
export type PageInfo = z.infer<typeof PageInfo>;
