import { cn } from "~/lib/cn";

const STYLE: Record<string, string> = {
  NOT_STARTED: "bg-stone-100 text-stone-800",
  IN_PROGRESS: "bg-amber-100 text-amber-900",
  SUCCESS: "bg-emerald-100 text-emerald-900",
  FAILURE: "bg-red-100 text-red-900",
};

const LABEL: Record<string, string> = {
  NOT_STARTED: "Queued",
  IN_PROGRESS: "In progress",
  SUCCESS: "Done",
  FAILURE: "Failed",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex rounded-full px-2 py-0.5 text-xs font-medium",
        STYLE[status] ?? STYLE.NOT_STARTED,
      )}
    >
      {LABEL[status] ?? status}
    </span>
  );
}
