import { cn } from "~/lib/cn";

const STYLE: Record<string, string> = {
  approved: "bg-emerald-100 text-emerald-900",
  superseded: "bg-stone-100 text-stone-700",
  archived: "bg-stone-100 text-stone-700",
};

const LABEL: Record<string, string> = {
  approved: "Approved",
  superseded: "Not chosen",
  archived: "Archived",
};

/** A catalog entry's status where it says something: `active` (the default) shows nothing. */
export function CatalogStatusBadge({ status }: { status: string | null }) {
  if (!status || !LABEL[status]) return null;
  return (
    <span
      data-catalog-status={status}
      className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", STYLE[status])}
    >
      {status === "approved" && <span aria-hidden="true">✓ </span>}
      {LABEL[status]}
    </span>
  );
}
