"use client";

import { Card } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/field";
import {
  TARGET_FIELDS,
  TARGET_LABEL,
  type ColumnMapping,
  type FeedFormat,
  type TargetField,
} from "./column-mapping";
import type { FeedTable } from "./feed-table";

const FORMAT_LABEL: Record<FeedFormat, string> = {
  garment: "our columns",
  shopify: "a Shopify product export (one row per variant)",
};

const REQUIRED = new Set<TargetField>(["category", "color", "material", "pattern"]);

/** The proposed column for each field, as selects the stylist can change. */
export function ColumnMappingForm({
  table,
  format,
  mapping,
  onChange,
}: {
  table: FeedTable;
  format: FeedFormat;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const sample = (column: number) => table.rows.find((row) => row[column])?.[column] ?? "";
  return (
    <Card aria-labelledby="mapping-heading">
      <h2 id="mapping-heading" className="text-base font-semibold">
        2. Columns
      </h2>
      <p className="mt-1 text-sm text-stone-700" data-testid="feed-format">
        Read as {FORMAT_LABEL[format]}: {table.rows.length} rows. Check which column fills each
        field; changing one reloads the rows from the file.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {TARGET_FIELDS.map((field) => (
          <div key={field}>
            <Label htmlFor={`map-${field}`}>
              {TARGET_LABEL[field]}
              {REQUIRED.has(field) ? "" : " (optional)"}
            </Label>
            <Select
              id={`map-${field}`}
              value={mapping[field] ?? ""}
              onChange={(e) =>
                onChange({
                  ...mapping,
                  [field]: e.target.value === "" ? null : Number(e.target.value),
                })
              }
            >
              <option value="">Not in the file</option>
              {table.headers.map((header, column) => (
                <option key={column} value={column}>
                  {header || `Column ${column + 1}`}
                  {sample(column) ? ` — e.g. ${sample(column).slice(0, 30)}` : ""}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
    </Card>
  );
}
