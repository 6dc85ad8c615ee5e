import { z } from "zod";

/**
 * The one pagination query: `limit` (1…max) and `offset` (≥ 0), as query-string text or
 * numbers. Public lists take the defaults; the Studio's pages ask for fewer rows.
 */
export function pageQuery({ defaultLimit = 50, maxLimit = 200 } = {}) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).default(0),
  });
}

export const PageQuery = pageQuery();
export type PageQuery = z.infer<typeof PageQuery>;
