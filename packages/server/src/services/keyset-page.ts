import { decodeCursor, encodeCursor, type PageQuery } from "@garment/schemas";

/**
 * Keyset paging over (created_at, id), newest first: each list's index on
 * (owner…, created_at, id) serves any page, however deep, as a range scan of `limit` rows.
 */
export function keysetWhere(page: Pick<PageQuery, "cursor">) {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  if (!after) return {};
  // `lte` bounds the index range; the OR breaks ties on created_at by id. Under AND, so a
  // list's own created_at filter stays as it is.
  return {
    AND: [
      { createdAt: { lte: after.createdAt } },
      {
        OR: [
          { createdAt: { lt: after.createdAt } },
          { createdAt: after.createdAt, id: { lt: after.id } },
        ],
      },
    ],
  };
}

export const keysetOrder = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Prisma's skip/take for a page: one row more than asked, to know whether another page follows. */
export function keysetWindow(page: Pick<PageQuery, "limit" | "offset">) {
  return { skip: page.offset, take: page.limit + 1 };
}

/** The page's rows and its `next_cursor` (null when the extra row did not come back). */
export function keysetPage<Row extends { createdAt: Date; id: string }>(
  rows: Row[],
  page: Pick<PageQuery, "limit">,
): { rows: Row[]; next_cursor: string | null } {
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  // The extra row came back: another page follows, starting after this page's last row.
  return { rows: shown, next_cursor: rows.length > page.limit && last ? encodeCursor(last) : null };
}
