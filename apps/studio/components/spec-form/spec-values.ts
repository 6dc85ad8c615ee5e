import type {
  AspectRatio,
  ComplementaryGarmentGeneratorInput,
  OnTechnicalFailure,
  Resolution,
} from "@garment/schemas";
import { DEFAULT_OPTIONS, loadSchemas, MAX_SEED } from "~/lib/schemas";

/** What the form's controls hold (strings as typed); turned into the API's input on submit. */
export interface SpecValues {
  garment_category_public_id: string;
  color: string;
  material: string;
  pattern: string;
  fit: "" | "slim" | "regular" | "loose";
  length: string;
  display_name: string;
  image_model: string;
  resolution: Resolution;
  aspect_ratio: AspectRatio;
  seed: string;
  eval_enabled: boolean;
  on_technical_failure: OnTechnicalFailure;
  pilot_brand: string;
  metadata: string;
}

export type FieldErrors = Partial<Record<keyof SpecValues, string>>;

export const EMPTY_SPEC: SpecValues = {
  garment_category_public_id: "",
  color: "",
  material: "",
  pattern: "",
  fit: "",
  length: "",
  display_name: "",
  image_model: "",
  resolution: DEFAULT_OPTIONS.resolution,
  aspect_ratio: DEFAULT_OPTIONS.aspect_ratio,
  seed: "",
  eval_enabled: DEFAULT_OPTIONS.eval_enabled,
  on_technical_failure: DEFAULT_OPTIONS.on_technical_failure,
  pilot_brand: "",
  metadata: "{}",
};

export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % (MAX_SEED + 1);
}

/** The metadata editor's text as an object, or the reason it is not one. */
export function parseMetadata(text: string): { value: unknown } | { error: string } {
  if (text.trim() === "") return { value: {} };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

const nullIfEmpty = (text: string) => (text.trim() === "" ? null : text.trim());

/**
 * The request the values describe, and what is wrong with it before any schema: metadata that is
 * not JSON, no category chosen. The server action sends this request as it is; the browser also
 * checks it with the shared schema first (validateSpec).
 */
export function buildSpecRequest(values: SpecValues): {
  input: Record<string, unknown>;
  errors: FieldErrors;
} {
  const metadata = parseMetadata(values.metadata);
  const seedText = values.seed.trim();
  const input = {
    garment_category_public_id: values.garment_category_public_id,
    color: values.color.trim(),
    material: values.material.trim(),
    pattern: values.pattern.trim(),
    fit: values.fit === "" ? null : values.fit,
    length: nullIfEmpty(values.length),
    display_name: values.display_name.trim(),
    image_model: nullIfEmpty(values.image_model),
    resolution: values.resolution,
    aspect_ratio: values.aspect_ratio,
    seed: seedText === "" ? null : Number(seedText),
    eval_enabled: values.eval_enabled,
    on_technical_failure: values.on_technical_failure,
    pilot_brand: nullIfEmpty(values.pilot_brand),
    metadata: "value" in metadata ? metadata.value : {},
  };
  const errors: FieldErrors = {};
  if ("error" in metadata) errors.metadata = metadata.error;
  if (!input.garment_category_public_id) errors.garment_category_public_id = "Choose a category.";
  return { input, errors };
}

/** Builds the request and checks it with the same zod schema the server uses. */
export async function validateSpec(
  values: SpecValues,
): Promise<
  { ok: true; input: ComplementaryGarmentGeneratorInput } | { ok: false; errors: FieldErrors }
> {
  const { ComplementaryGarmentGeneratorRequest } = await loadSchemas();
  const { input, errors } = buildSpecRequest(values);
  const parsed = ComplementaryGarmentGeneratorRequest.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && field in values && !errors[field as keyof SpecValues]) {
        errors[field as keyof SpecValues] = friendlyMessage(field, issue.message);
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: input as ComplementaryGarmentGeneratorInput };
}

/** The server's field errors (a 422's detail, by field) in the words the form uses. */
export function friendlyFieldErrors(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fields)) {
    if (field in EMPTY_SPEC) errors[field as keyof SpecValues] = friendlyMessage(field, message);
  }
  return errors;
}

function friendlyMessage(field: string, message: string): string {
  if (/too small|>=1 character/i.test(message) && ["color", "material", "pattern"].includes(field))
    return `Enter a ${field}.`;
  if (field === "seed") return `A whole number from 0 to ${MAX_SEED}, or empty for random.`;
  return message;
}

/** A stored request (a job's `request`) back into form values, for "edit and rerun". */
export function valuesFromRequest(request: Record<string, unknown>): SpecValues {
  const str = (key: string) => (typeof request[key] === "string" ? request[key] : "");
  const fit = str("fit");
  return {
    ...EMPTY_SPEC,
    garment_category_public_id: str("garment_category_public_id"),
    color: str("color"),
    material: str("material"),
    pattern: str("pattern"),
    fit: fit === "slim" || fit === "regular" || fit === "loose" ? fit : "",
    length: str("length"),
    display_name: str("display_name"),
    image_model: str("image_model"),
    resolution: (str("resolution") || EMPTY_SPEC.resolution) as Resolution,
    aspect_ratio: (str("aspect_ratio") || EMPTY_SPEC.aspect_ratio) as AspectRatio,
    seed: typeof request.seed === "number" ? String(request.seed) : "",
    eval_enabled: request.eval_enabled !== false,
    on_technical_failure: (str("on_technical_failure") ||
      EMPTY_SPEC.on_technical_failure) as OnTechnicalFailure,
    pilot_brand: str("pilot_brand"),
    metadata: JSON.stringify(request.metadata ?? {}, null, 2),
  };
}

const FIT_VALUES = new Set(["", "slim", "regular", "loose"]);

/**
 * The form's fields as a form posts them (one entry per SpecValues key; the checkbox only when
 * checked): what the browser sends without JavaScript, and what the script sends for it.
 */
export function specFormData(values: SpecValues): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string") form.set(key, value);
  }
  if (values.eval_enabled) form.set("eval_enabled", "on");
  return form;
}

/** Posted form fields back into values (absent fields take the form's defaults). */
export function specValuesFromForm(form: FormData): SpecValues {
  const text = (key: keyof SpecValues) => {
    const value = form.get(key);
    return typeof value === "string" ? value : null;
  };
  const values: SpecValues = { ...EMPTY_SPEC, eval_enabled: form.get("eval_enabled") !== null };
  for (const key of Object.keys(EMPTY_SPEC) as (keyof SpecValues)[]) {
    const value = text(key);
    if (value === null || key === "eval_enabled") continue;
    (values as unknown as Record<string, string>)[key] = value;
  }
  if (!FIT_VALUES.has(values.fit)) values.fit = "";
  return values;
}

/** What the spec form's server action answers when it does not redirect to the job. */
export interface SpecFormState {
  /** The values as posted (null before the first submit): a re-rendered form keeps them. */
  values: SpecValues | null;
  errors: FieldErrors;
  formError: string | null;
}

export const INITIAL_SPEC_STATE: SpecFormState = { values: null, errors: {}, formError: null };
