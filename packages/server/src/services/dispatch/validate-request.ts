import {
  ComplementaryGarmentGeneratorRequest,
  zodIssuesToDetail,
  type ValidationErrorItem,
} from "@garment/schemas";
import { parseColor } from "@garment/styling";
import { validationFailed } from "../../errors";
import type { BrandRecord, CategoryRecord, ReferenceData } from "../reference/reference-data";

export interface ValidatedDispatch {
  request: ComplementaryGarmentGeneratorRequest;
  category: CategoryRecord;
  brand: BrandRecord | null;
  colorHex: string;
}

export interface DispatchValidationDeps {
  reference: ReferenceData;
  isImageModelAvailable(id: string): boolean;
}

const FIELD_ORDER = Object.keys(ComplementaryGarmentGeneratorRequest.shape);

/**
 * Parses a dispatch body and checks what the schema cannot: that the category and brand
 * exist, the color is recognisable and the image model is available. Every problem is
 * reported at once, so a client fixes its request in one round.
 */
export async function validateDispatchRequest(
  deps: DispatchValidationDeps,
  raw: unknown,
): Promise<ValidatedDispatch> {
  const parsed = ComplementaryGarmentGeneratorRequest.safeParse(raw);
  const detail: ValidationErrorItem[] = parsed.success
    ? []
    : zodIssuesToDetail(parsed.error.issues, raw);
  const flagged = new Set(detail.map((item) => item.loc[1]));
  const fields =
    raw !== null && typeof raw === "object" && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const stringField = (name: string): string | undefined => {
    if (flagged.has(name) || !Object.prototype.hasOwnProperty.call(fields, name)) return undefined;
    const value = fields[name];
    return typeof value === "string" ? value : undefined;
  };
  const problem = (field: string, msg: string) =>
    detail.push({ loc: ["body", field], msg, type: "value_error" });

  const categoryId = stringField("garment_category_public_id");
  const category = categoryId !== undefined ? await deps.reference.category(categoryId) : undefined;
  if (categoryId !== undefined && !category) {
    problem(
      "garment_category_public_id",
      "Value error, unknown garment category; see GET /v1/garment-categories",
    );
  }

  const color = stringField("color");
  const parsedColor = color !== undefined ? parseColor(color) : null;
  if (color !== undefined && !parsedColor) {
    problem(
      "color",
      "Value error, unrecognised color; use a color name (navy, camel, ecru…), #rrggbb or a CSS color",
    );
  }

  const brandSlug = stringField("pilot_brand");
  const brand = brandSlug ? await deps.reference.brand(brandSlug) : undefined;
  if (brandSlug && !brand) problem("pilot_brand", "Value error, unknown pilot brand");

  const imageModel = stringField("image_model");
  if (imageModel && !deps.isImageModelAvailable(imageModel)) {
    problem(
      "image_model",
      "Value error, unknown or unavailable image model; see GET /v1/image-models",
    );
  }

  if (!parsed.success || detail.length > 0 || !category || !parsedColor) {
    detail.sort(
      (a, b) => FIELD_ORDER.indexOf(String(a.loc[1])) - FIELD_ORDER.indexOf(String(b.loc[1])),
    );
    throw validationFailed(detail);
  }
  return { request: parsed.data, category, brand: brand ?? null, colorHex: parsedColor.hex };
}
