import type { BatchItem, BatchItemInput, zodIssuesToDetail } from "@garment/schemas";
import { TARGET_FIELDS, TARGET_LABEL, type RowValues, type TargetField } from "./column-mapping";

/** What the browser checks a row with: the API's own BatchItem schema and its error wording. */
export interface BatchSchemas {
  BatchItem: typeof BatchItem;
  zodIssuesToDetail: typeof zodIssuesToDetail;
}

export interface CategoryChoice {
  public_id: string;
  slug: string;
  name: string;
}

/** A row's problems by field; `row` for one that belongs to no single cell. */
export type RowErrors = Partial<Record<TargetField | "row", string>>;

export type RowCheck = { ok: true; item: BatchItemInput } | { ok: false; errors: RowErrors };

const REQUIRED: readonly TargetField[] = ["category", "color", "material", "pattern"];

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The category a feed names, by id, slug or name, singular or plural ("T-Shirts", "jeans",
 * "Blazers"): shops name their product types freely, the API takes an id.
 */
export function resolveCategory(
  text: string,
  categories: readonly CategoryChoice[],
): CategoryChoice | undefined {
  const wanted = comparable(text);
  if (wanted === "") return undefined;
  const candidates = [wanted, wanted.replace(/e?s$/, ""), wanted.replace(/s$/, "")];
  return categories.find(
    (c) =>
      c.public_id === text.trim() ||
      candidates.some((w) => w === comparable(c.slug) || w === comparable(c.name)),
  );
}

/** "Slim fit", "LOOSE" → the schema's value; anything else is passed on for the schema to refuse. */
function fitOf(text: string): string | null {
  const fit = text
    .trim()
    .toLowerCase()
    .replace(/\s*fit$/, "");
  return fit === "" ? null : fit;
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/**
 * A row as the API's batch item: cells trimmed, empty optional ones null. Key order is fixed, so
 * the same cells always give the same JSON (the batch's idempotency key hashes it).
 */
export function itemOf(values: RowValues, categoryId: string): BatchItemInput {
  return {
    sku: orNull(values.sku),
    display_name: values.display_name.trim(),
    garment_category_public_id: categoryId,
    color: values.color.trim(),
    material: values.material.trim(),
    pattern: values.pattern.trim(),
    fit: fitOf(values.fit) as BatchItemInput["fit"],
    length: orNull(values.length),
  };
}

/** The grid's field for a key of the API's item (`garment_category_public_id` is "category"). */
export function fieldOfItemKey(key: string): TargetField | undefined {
  if (key === "garment_category_public_id") return "category";
  return TARGET_FIELDS.find((field) => field === key);
}

/** Checks a row with the API's BatchItem schema, plus what the schema cannot: the category exists. */
export function checkRow(
  values: RowValues,
  categories: readonly CategoryChoice[],
  schemas: BatchSchemas,
): RowCheck {
  const errors: RowErrors = {};
  for (const field of REQUIRED) {
    if (values[field].trim() === "")
      errors[field] = `Enter a ${TARGET_LABEL[field].toLowerCase()}.`;
  }
  const category = resolveCategory(values.category, categories);
  if (!category && !errors.category) {
    errors.category = `Unknown category “${values.category.trim()}”.`;
  }
  const item = itemOf(values, category?.public_id ?? "");
  const parsed = schemas.BatchItem.safeParse(item);
  if (!parsed.success) {
    for (const issue of schemas.zodIssuesToDetail(parsed.error.issues, item)) {
      errors[fieldOfItemKey(String(issue.loc[1])) ?? "row"] ??= issue.msg;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, item };
}
