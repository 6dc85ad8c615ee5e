"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";

/**
 * Windowing for a table inside a scrolling box: only the rows in view (and a few around them)
 * are in the DOM, so a 1,000-row batch stays responsive. Rows are measured as they render, so a
 * row that wraps its text takes the room it needs.
 */
export function useVirtualRows(count: number, estimatedRowHeight: number) {
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
  return { scrollRef, virtualizer, items, paddingTop, paddingBottom };
}

/** The room taken by the rows above or below the window. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  );
}
