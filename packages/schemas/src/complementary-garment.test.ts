import { describe, expect, it } from "vitest";
import { ComplementaryGarmentGeneratorRequest, METADATA_MAX_BYTES } from "./complementary-garment";
import { zodIssuesToDetail } from "./validation-detail";

const minimal = {
  garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  color: "navy",
  material: "cotton",
  pattern: "solid",
};

function detailFor(body: unknown) {
  const parsed = ComplementaryGarmentGeneratorRequest.safeParse(body);
  if (parsed.success) throw new Error("expected the body to be rejected");
  return zodIssuesToDetail(parsed.error.issues, body);
}

describe("ComplementaryGarmentGeneratorRequest", () => {
  it("fills the contract's defaults for absent options", () => {
    const parsed = ComplementaryGarmentGeneratorRequest.parse(minimal);
    expect(parsed).toMatchObject({
      display_name: "",
      metadata: {},
      eval_enabled: true,
      resolution: "1K",
      aspect_ratio: "1:1",
      on_technical_failure: "retry",
    });
    expect(parsed.fit).toBeUndefined();
    expect(parsed.seed).toBeUndefined();
  });

  it("accepts null for every nullable option (null means: use the default)", () => {
    const parsed = ComplementaryGarmentGeneratorRequest.parse({
      ...minimal,
      fit: null,
      length: null,
      image_model: null,
      eval_enabled: null,
      resolution: null,
      aspect_ratio: null,
      seed: null,
      on_technical_failure: null,
      pilot_brand: null,
    });
    expect(parsed.resolution).toBeNull();
    expect(parsed.on_technical_failure).toBeNull();
  });

  it("reports missing required fields the way pydantic does", () => {
    const detail = detailFor({ color: "navy" });
    const missing = detail.filter((d) => d.type === "missing").map((d) => d.loc.join("."));
    expect(missing).toEqual(
      expect.arrayContaining(["body.garment_category_public_id", "body.material", "body.pattern"]),
    );
    expect(missing).not.toContain("body.color");
  });

  it("names enum violations with their allowed values", () => {
    const detail = detailFor({ ...minimal, resolution: "8K" });
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({ loc: ["body", "resolution"], type: "literal_error" });
    expect(detail[0]?.msg).toContain("'1K'");
  });

  it("distinguishes a wrong type from a missing field", () => {
    const detail = detailFor({ ...minimal, eval_enabled: "yes" });
    expect(detail[0]).toMatchObject({ loc: ["body", "eval_enabled"], type: "bool_type" });
  });

  it("rejects metadata over 16 KiB and absurdly deep metadata without throwing", () => {
    const big = { blob: "x".repeat(METADATA_MAX_BYTES) };
    expect(detailFor({ ...minimal, metadata: big })[0]?.loc).toEqual(["body", "metadata"]);

    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20_000; i += 1) {
      const next: Record<string, unknown> = {};
      deep.a = next;
      deep = next;
    }
    expect(
      ComplementaryGarmentGeneratorRequest.safeParse({ ...minimal, metadata: root }).success,
    ).toBe(false);
  });

  it("caps free-text lengths", () => {
    const detail = detailFor({ ...minimal, color: "x".repeat(101) });
    expect(detail[0]).toMatchObject({ loc: ["body", "color"], type: "string_too_long" });
  });
});
