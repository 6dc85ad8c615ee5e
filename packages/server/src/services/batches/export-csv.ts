import { stringify } from "csv-stringify/sync";
import type { BatchExportRow, ExportedSpec } from "./batch-export";

const SPEC_FIELDS = ["category", "color", "material", "pattern", "fit", "length"] as const;

/** The CSV's columns, in order (documented in docs/api-contract.md). */
export const EXPORT_CSV_COLUMNS = [
  "row",
  "sku",
  "product_name",
  ...SPEC_FIELDS.map((field) => `product_${field}`),
  "status",
  "failure_reason",
  "complement_name",
  ...SPEC_FIELDS.map((field) => `complement_${field}`),
  "description",
  "rationale",
  "image_url",
  "image_file",
  "job_id",
  "complement_job_id",
] as const;

/**
 * A cell a spreadsheet will not run as a formula (OWASP "CSV injection"): text that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which spreadsheets show as
 * text and do not evaluate. Every cell is a string here, so no number is altered.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const specCells = (spec: ExportedSpec | null) => SPEC_FIELDS.map((field) => spec?.[field] ?? "");

/**
 * The product → complement CSV of a batch: RFC 4180 (every cell quoted, CRLF line ends), UTF-8
 * with a byte-order mark so spreadsheet programs read accents right, one row per batch row.
 * `imageLink` gives the stable link of an image; `fileNames` its name inside the zip.
 */
export function batchExportCsv(
  rows: readonly BatchExportRow[],
  imageLink: (artifactId: string) => string,
  fileNames: ReadonlyMap<string, string>,
): string {
  const records = rows.map((row) =>
    [
      String(row.row),
      row.sku ?? "",
      row.productName,
      ...specCells(row.product),
      row.status,
      row.failureReason ?? "",
      row.complementName,
      ...specCells(row.complement),
      row.description,
      row.rationale.join(" "),
      row.image ? imageLink(row.image.artifactId) : "",
      fileNames.get(row.jobId) ?? "",
      row.jobId,
      row.complementJobId ?? "",
    ].map(neutralizeFormula),
  );
  return stringify(records, {
    bom: true,
    header: true,
    columns: [...EXPORT_CSV_COLUMNS],
    quoted: true,
    record_delimiter: "windows",
  });
}
