import {
  CatalogEntryListResponse,
  CatalogEntryPageResponse,
  CatalogListQuery,
} from "@garment/schemas";
import { z } from "zod";
import { listComplementaryGarments as list } from "../services/catalog/list-complementary-garments";
import { defineOperation } from "./define";

export const listComplementaryGarments = defineOperation({
  audience: { capability: "jobs:read" },
  input: CatalogListQuery,
  output: CatalogEntryPageResponse,
  run: async ({ runtime, caller }, query) => {
    const page = await list(runtime, caller, query);
    return {
      complementary_garments: page.entries,
      limit: page.limit,
      offset: page.offset,
      count: page.count,
      next_cursor: page.next_cursor,
    };
  },
  trpc: "query",
  rest: {
    method: "GET",
    path: "/v1/catalog/complementary-garments",
    input: "query",
    // A bare JSON array, as the original answers; the total across pages in `X-Total-Count`,
    // the next page's cursor in `X-Next-Cursor` (absent on the last page).
    present: (page) => ({
      body: page.complementary_garments,
      headers: {
        "x-total-count": String(page.count),
        ...(page.next_cursor ? { "x-next-cursor": page.next_cursor } : {}),
      },
    }),
  },
  openapi: {
    operationId: "listComplementaryGarments",
    tag: "Catalog",
    summary: "List the complementary-garment catalog",
    returns: "Newest first.",
    response: CatalogEntryListResponse,
    responseHeaders: z.object({
      "x-total-count": z.string().meta({ description: "Entries matching the filter." }),
      "x-next-cursor": z
        .string()
        .optional()
        .meta({ description: "Pass as `cursor` for the next page; absent on the last page." }),
    }),
    errors: ["VALIDATION_ERROR"],
  },
});
