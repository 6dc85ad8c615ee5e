import { describe, expect, it } from "vitest";
import {
  buildSpecRequest,
  EMPTY_SPEC,
  friendlyFieldErrors,
  specFormData,
  specValuesFromForm,
  validateSpec,
  valuesFromRequest,
  type SpecValues,
} from "./spec-values";

const filled: SpecValues = {
  ...EMPTY_SPEC,
  garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  color: " camel ",
  material: "wool",
  pattern: "solid",
};

describe("the spec form's values", () => {
  it("become the API's request: trimmed text, empty optional fields as null", async () => {
    const checked = await validateSpec({ ...filled, seed: "42" });
    expect(checked).toEqual({
      ok: true,
      input: expect.objectContaining({
        color: "camel",
        fit: null,
        length: null,
        image_model: null,
        pilot_brand: null,
        seed: 42,
        metadata: {},
      }) as unknown,
    });
  });

  it("are checked by the shared schema, each problem on its field", async () => {
    const checked = await validateSpec({
      ...EMPTY_SPEC,
      seed: "-3",
      metadata: "[1, 2]",
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(
      ["color", "garment_category_public_id", "material", "metadata", "pattern", "seed"].sort(),
    );
    expect(checked.errors.color).toBe("Enter a color.");
  });

  it("report metadata that is not JSON", async () => {
    const checked = await validateSpec({ ...filled, metadata: "{ nope" });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.metadata).toMatch(/^Not valid JSON/);
  });

  it("come back from a job's stored request for 'edit and rerun'", () => {
    const values = valuesFromRequest({
      garment_category_public_id: "X",
      color: "navy",
      material: "silk",
      pattern: "stripes",
      fit: "loose",
      seed: 9,
      eval_enabled: false,
      metadata: { sku: "A1" },
    });
    expect(values).toMatchObject({
      fit: "loose",
      seed: "9",
      eval_enabled: false,
      resolution: "1K",
    });
    expect(JSON.parse(values.metadata)).toEqual({ sku: "A1" });
  });
});

describe("the spec form as a posted form (the server action's input)", () => {
  it("comes back as the values it was made from, the unchecked box included", () => {
    const values: SpecValues = {
      ...filled,
      fit: "slim",
      seed: "7",
      eval_enabled: false,
      metadata: '{"sku":"A1"}',
    };
    expect(specValuesFromForm(specFormData(values))).toEqual(values);
    expect(specValuesFromForm(specFormData({ ...values, eval_enabled: true })).eval_enabled).toBe(
      true,
    );
  });

  it("reads a browser's post: absent fields take the defaults, an unknown fit is none", () => {
    const form = new FormData();
    form.set("color", "navy");
    form.set("fit", "baggy");
    form.set("unrelated", "x");
    expect(specValuesFromForm(form)).toEqual({ ...EMPTY_SPEC, color: "navy", eval_enabled: false });
  });

  it("marks metadata that is not JSON and a missing category before anything is sent", () => {
    const { errors } = buildSpecRequest({
      ...filled,
      garment_category_public_id: "",
      metadata: "{",
    });
    expect(Object.keys(errors).sort()).toEqual(["garment_category_public_id", "metadata"]);
  });

  it("words the server's field errors as the form does, ignoring fields it does not have", () => {
    expect(
      friendlyFieldErrors({
        pattern: "Too small: expected string to have >=1 characters",
        seed: "Too big",
        body: "Invalid input",
      }),
    ).toEqual({
      pattern: "Enter a pattern.",
      seed: expect.stringContaining("A whole number") as unknown,
    });
  });
});
