import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { BatchExportRow } from "./batch-export";
import { batchExportCsv, neutralizeFormula } from "./export-csv";
import { imageFileNames, safeFileStem } from "./export-file-names";

const spec = {
  category: "T-shirt",
  color: "navy",
  material: "cotton",
  pattern: "solid",
  fit: "slim",
  length: "hip",
};

function row(index: number, sku: string | null, withImage = true): BatchExportRow {
  return {
    row: index,
    jobId: `job-${index}`,
    sku,
    productName: `Product ${index}`,
    product: spec,
    status: withImage ? "SUCCESS" : "FAILURE",
    failureReason: withImage ? null : "technical_failure",
    complementName: withImage ? "Chino" : "",
    complementJobId: withImage ? `job-${index}` : null,
    complement: withImage ? { ...spec, category: "Chinos" } : null,
    description: withImage ? "A camel chino." : "",
    rationale: withImage ? ["Bottoms complete a top.", "Camel sits beside navy."] : [],
    image: withImage
      ? { artifactId: `art-${index}`, storageKey: `k/${index}`, contentType: "image/png" }
      : null,
  };
}

describe("formula neutralizing (OWASP CSV injection)", () => {
  it("prefixes a quote to cells a spreadsheet would evaluate, and only to those", () => {
    for (const cell of ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"])
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["", "navy", "a=b", " =1", "'=1"])
      expect(neutralizeFormula(cell)).toBe(cell);
  });
});

describe("image file names", () => {
  it("keeps safe characters, drops accents, replaces the rest and strips leading dots", () => {
    expect(safeFileStem("SKU-001_a.b")).toBe("SKU-001_a.b");
    expect(safeFileStem("Robe été/rouge")).toBe("Robe_ete_rouge");
    expect(safeFileStem("../../etc/passwd")).toBe("etc_passwd");
    expect(safeFileStem("///")).toBe("");
    expect(safeFileStem("x".repeat(300))).toHaveLength(80);
  });

  it("names by sku, falls back to the row, dedupes ignoring case, and skips rows without an image", () => {
    const names = imageFileNames([
      row(0, "A/1"),
      row(1, "a_1"),
      row(2, "A_1"),
      row(3, null),
      row(4, "???"),
      row(5, "B", false),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      "job-0": "A_1.png",
      "job-1": "a_1-2.png",
      "job-2": "A_1-3.png",
      "job-3": "row-3.png",
      "job-4": "row-4.png",
    });
  });
});

describe("the batch CSV", () => {
  it("writes one quoted row per batch row that parses back to the same cells", () => {
    const rows = [row(0, '=cmd|" /C calc"!A0'), row(1, null, false)];
    rows[0]!.productName = 'Shirt, "navy"\nline two';
    const csv = batchExportCsv(
      rows,
      (id) => `https://studio.example/v1/artifacts/${id}/image`,
      imageFileNames(rows),
    );
    expect(csv.startsWith('\uFEFF"row","sku"')).toBe(true);
    expect(csv).toContain("\r\n");
    const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      sku: '\'=cmd|" /C calc"!A0',
      product_name: 'Shirt, "navy"\nline two',
      complement_category: "Chinos",
      rationale: "Bottoms complete a top. Camel sits beside navy.",
      image_url: "https://studio.example/v1/artifacts/art-0/image",
      image_file: "cmd_C_calc_A0.png",
    });
    expect(records[1]).toMatchObject({
      sku: "",
      status: "FAILURE",
      image_url: "",
      complement_color: "",
    });
  });
});
