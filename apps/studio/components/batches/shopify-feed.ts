import type { FeedTable } from "./feed-table";

/** How a header is compared: case, spaces and punctuation ignored, "(…)" suffixes dropped. */
export function headerKey(header: string): string {
  return header
    .replace(/\(.*\)/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Whether the headers are a Shopify product export's (Handle plus its variant columns). */
export function isShopifyExport(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  return keys.has("handle") && (keys.has("variantsku") || keys.has("option1name"));
}

// Columns that belong to one variant or one image: never copied from the product's first row.
const PER_VARIANT = /^(variant|option\d value|image|variant image)/i;
const OPTION_COUNT = 3;

/** Suffix of the columns made from a product's options, e.g. "Color (option)". */
export const OPTION_SUFFIX = " (option)";

/**
 * Turns a Shopify product export into one row per variant:
 * - Shopify writes the product's fields (Title, Type, option names, tags…) on its first row only;
 *   the variant rows below it get them filled in from that row (same Handle).
 * - Rows that only add an image to the product (no option value, no SKU) are dropped.
 * - Each option becomes a column named after it ("Color (option)", "Size (option)"), since
 *   Shopify puts Color in Option1 for one product and in Option2 for the next.
 * - "Product Category" keeps its last segment ("… > Clothing > Dresses" → "Dresses"), and a
 *   product without a Type (Shopify always exports the column, often empty) is typed by it.
 */
export function normalizeShopify(table: FeedTable): FeedTable {
  const index = (name: string) => table.headers.findIndex((h) => headerKey(h) === name);
  const handleAt = index("handle");
  const skuAt = index("variantsku");
  const categoryAt = index("productcategory");
  const typeAt = index("type");
  const optionAt = Array.from({ length: OPTION_COUNT }, (_, i) => ({
    name: index(`option${i + 1}name`),
    value: index(`option${i + 1}value`),
  }));
  const firstOfHandle = new Map<string, string[]>();
  const variants: string[][] = [];
  for (const row of table.rows) {
    const handle = row[handleAt] ?? "";
    const first = firstOfHandle.get(handle);
    if (!first || handle === "") {
      firstOfHandle.set(handle, row);
      variants.push(row);
      continue;
    }
    const hasVariant =
      (skuAt >= 0 && row[skuAt] !== "") || optionAt.some((o) => o.value >= 0 && row[o.value]);
    if (!hasVariant) continue;
    variants.push(
      row.map((cell, i) =>
        cell === "" && !PER_VARIANT.test(table.headers[i] ?? "") ? (first[i] ?? "") : cell,
      ),
    );
  }
  const optionNames: string[] = [];
  const optionsOf = variants.map((row) => {
    const options = new Map<string, string>();
    for (const { name, value } of optionAt) {
      const optionName = name >= 0 ? (row[name] ?? "") : "";
      // A product without variants has one option "Title" = "Default Title": not an option.
      if (optionName === "" || headerKey(optionName) === "title") continue;
      const column = optionName + OPTION_SUFFIX;
      if (!optionNames.includes(column)) optionNames.push(column);
      options.set(column, value >= 0 ? (row[value] ?? "") : "");
    }
    return options;
  });
  return {
    headers: [...table.headers, ...optionNames],
    rows: variants.map((row, r) => [
      ...row.map((cell, i) => {
        if (i === categoryAt) return lastSegment(cell);
        if (i === typeAt && cell === "" && categoryAt >= 0)
          return lastSegment(row[categoryAt] ?? "");
        return cell;
      }),
      ...optionNames.map((column) => optionsOf[r]?.get(column) ?? ""),
    ]),
  };
}

function lastSegment(path: string): string {
  return (path.split(">").at(-1) ?? "").trim();
}
