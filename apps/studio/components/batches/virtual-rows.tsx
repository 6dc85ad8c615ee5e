"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type ReactNode } from "react";
import { cn } from "~/lib/cn";

/** What a rendered row carries so the window can measure it. */
export interface MeasuredRow {
  ref: (element: Element | null) => void;
  "data-index": number;
}

/**
 * A table inside a scrolling box, windowed: only the rows in view (and a few around them) are in
 * the DOM, so a 1,000-row batch stays responsive. Rows are measured as they render, so a row
 * that wraps its text takes the room it needs; spacer rows stand for the ones not rendered.
 */
export function VirtualTable({
  count,
  estimatedRowHeight,
  caption,
  headers,
  className,
  tableClassName,
  focusableLabel,
  testId,
  renderRow,
}: {
  count: number;
  estimatedRowHeight: number;
  caption: string;
  headers: readonly string[];
  className?: string;
  tableClassName?: string;
  /** When the rows hold nothing focusable, the box itself is, to scroll it from the keyboard. */
  focusableLabel?: string;
  testId?: string;
  renderRow: (index: number, measured: MeasuredRow) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  return (
    <div
      ref={scrollRef}
      {...(focusableLabel ? { tabIndex: 0, role: "region", "aria-label": focusableLabel } : {})}
      className={cn("overflow-auto rounded-md border border-stone-200", className)}
      data-testid={testId}
    >
      <table className={cn("w-full border-collapse text-sm", tableClassName)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-stone-50 text-left text-xs text-stone-700">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-2 py-2">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} columns={headers.length} />
          {items.map((item) =>
            renderRow(item.index, { ref: virtualizer.measureElement, "data-index": item.index }),
          )}
          <SpacerRow height={paddingBottom} columns={headers.length} />
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  );
}

/**
 * A body row as both batch grids draw it: measured by the window and headed by its 1-based
 * number, the row of the file (also `data-row`, which the tests and the summary's links find).
 */
export function NumberedRow({
  measured,
  number,
  className,
  dataset,
  children,
}: {
  measured: MeasuredRow;
  number: number;
  className?: string;
  /** The row's further data-* attributes (its state, for tests and styles). */
  dataset?: Record<`data-${string}`, string | undefined>;
  children: ReactNode;
}) {
  return (
    <tr
      {...measured}
      data-row={number}
      {...dataset}
      className={cn("border-t border-stone-100", className)}
    >
      <th scope="row" className="px-2 text-right font-normal text-stone-600 tabular-nums">
        {number}
      </th>
      {children}
    </tr>
  );
}
