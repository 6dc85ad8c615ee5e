"use client";

import type { RowErrors } from "./batch-rows";
import { TARGET_FIELDS, TARGET_LABEL, type RowValues, type TargetField } from "./column-mapping";
import { NumberedRow, VirtualTable } from "./virtual-rows";

const HEADERS = ["Row", ...TARGET_FIELDS.map((field) => TARGET_LABEL[field]), "Problems"];

function problemsOf(errors: RowErrors): string[] {
  const fields = [...TARGET_FIELDS, "row"] as const;
  return fields.flatMap((field) => {
    const message = errors[field];
    if (!message) return [];
    return [field === "row" ? message : `${TARGET_LABEL[field]}: ${message}`];
  });
}

/**
 * The rows as an editable grid: each cell is an input, a bad cell is marked in place and the
 * row's reasons are listed at its end. Only the rows in view are rendered.
 */
export function RowEditorGrid({
  rows,
  errors,
  visible,
  onEdit,
}: {
  rows: readonly RowValues[];
  errors: readonly (RowErrors | null)[];
  /** Indexes of the rows to show (all, or only the ones with problems). */
  visible: readonly number[];
  onEdit: (row: number, field: TargetField, value: string) => void;
}) {
  return (
    <VirtualTable
      count={visible.length}
      estimatedRowHeight={45}
      caption="Rows of the batch, editable"
      headers={HEADERS}
      className="max-h-[32rem]"
      tableClassName="min-w-[64rem]"
      testId="row-grid"
      renderRow={(position, measured) => {
        const index = visible[position] ?? 0;
        const values = rows[index];
        if (!values) return null;
        const rowErrors = errors[index] ?? {};
        const problems = problemsOf(rowErrors);
        return (
          <NumberedRow
            key={index}
            measured={measured}
            number={index + 1}
            dataset={{ "data-invalid": problems.length > 0 ? "true" : undefined }}
            className={problems.length > 0 ? "bg-red-50" : undefined}
          >
            {TARGET_FIELDS.map((field) => (
              <td key={field} className="px-1 py-1">
                <input
                  value={values[field]}
                  onChange={(e) => onEdit(index, field, e.target.value)}
                  aria-label={`Row ${index + 1} ${TARGET_LABEL[field]}`}
                  aria-invalid={rowErrors[field] ? true : undefined}
                  aria-describedby={rowErrors[field] ? `row-${index}-problems` : undefined}
                  data-field={field}
                  className="w-full rounded border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
                />
              </td>
            ))}
            <td
              id={`row-${index}-problems`}
              className="min-w-56 px-2 py-1 text-xs text-red-800"
              data-testid="row-problems"
            >
              {problems.join(" ")}
            </td>
          </NumberedRow>
        );
      }}
    />
  );
}
