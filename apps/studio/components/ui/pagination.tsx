import { Button } from "./button";

/** "1–20 of 57" with Previous / Next: one page of a list that is paged by offset. */
export function Pagination({
  offset,
  pageSize,
  count,
  onChange,
  label = "Pagination",
  className = "",
}: {
  offset: number;
  pageSize: number;
  count: number;
  onChange: (offset: number) => void;
  label?: string;
  className?: string;
}) {
  return (
    <nav
      aria-label={label}
      className={`flex items-center justify-between text-sm ${className}`.trim()}
    >
      <span className="text-stone-600">
        {offset + 1}–{Math.min(offset + pageSize, count)} of {count}
      </span>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - pageSize))}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          disabled={offset + pageSize >= count}
          onClick={() => onChange(offset + pageSize)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
