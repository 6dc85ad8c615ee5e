import { describe, expect, it } from "vitest";
import { EMPTY_SPEC, validateSpec, valuesFromRequest, type SpecValues } from "./spec-values";

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
