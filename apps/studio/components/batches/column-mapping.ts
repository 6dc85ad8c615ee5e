import type { FeedTable } from "./feed-table";
import { headerKey, isShopifyExport, normalizeShopify } from "./shopify-feed";

/** The fields of a batch row a feed's columns can fill. */
export const TARGET_FIELDS = [
  "sku",
  "display_name",
  "category",
  "color",
  "material",
  "pattern",
  "fit",
  "length",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const TARGET_LABEL: Record<TargetField, string> = {
  sku: "SKU",
  display_name: "Display name",
  category: "Category",
  color: "Color",
  material: "Material",
  pattern: "Pattern",
  fit: "Fit",
  length: "Length",
};

/** Which column fills each field (an index into the headers), or none. */
export type ColumnMapping = Record<TargetField, number | null>;

/** One row's cells by field, as the stylist sees and edits them. */
export type RowValues = Record<TargetField, string>;

export type FeedFormat = "garment" | "shopify";

// Header names each field is recognised by (compared with headerKey), most specific first.
// Shopify's own columns come after ours, so a file that has both maps to ours.
const SYNONYMS: Record<TargetField, string[]> = {
  sku: ["sku", "variantsku", "productsku"],
  display_name: ["displayname", "name", "productname", "title"],
  category: [
    "category",
    "garmentcategory",
    "garmentcategorypublicid",
    "type",
    "producttype",
    "productcategory",
  ],
  color: ["color", "colour"],
  material: ["material", "fabric"],
  pattern: ["pattern", "print"],
  fit: ["fit"],
  length: ["length"],
};

/** Recognises the feed's format; a Shopify export is first reshaped into one row per variant. */
export function prepareFeed(table: FeedTable): { format: FeedFormat; table: FeedTable } {
  return isShopifyExport(table.headers)
    ? { format: "shopify", table: normalizeShopify(table) }
    : { format: "garment", table };
}

/** The mapping the Studio proposes: each field to the first column whose header names it. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const field of TARGET_FIELDS) {
    let found: number | null = null;
    for (const synonym of SYNONYMS[field]) {
      const at = keys.findIndex((key, i) => key === synonym && !taken.has(i));
      if (at >= 0) {
        found = at;
        break;
      }
    }
    if (found !== null) taken.add(found);
    mapping[field] = found;
  }
  return mapping;
}

/** Each record's cells by field, through the mapping (an unmapped field is empty). */
export function applyMapping(table: FeedTable, mapping: ColumnMapping): RowValues[] {
  return table.rows.map((row) => {
    const values = {} as RowValues;
    for (const field of TARGET_FIELDS) {
      const column = mapping[field];
      values[field] = column === null ? "" : (row[column] ?? "");
    }
    return values;
  });
}
