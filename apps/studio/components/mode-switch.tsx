import { setModeAction } from "~/app/mode/actions";
import type { StudioMode } from "~/lib/mode";
import { cn } from "~/lib/cn";

/** The badge every Studio page shows: which data the stylist is working with. */
export function ModeBadge({ mode }: { mode: StudioMode }) {
  return (
    <span
      data-testid="mode-badge"
      data-mode={mode}
      className={cn(
        "inline-flex rounded-full px-2.5 py-1 text-xs font-semibold tracking-wide uppercase",
        mode === "test"
          ? "bg-amber-200 text-amber-950 ring-1 ring-amber-500"
          : "bg-emerald-100 text-emerald-900",
      )}
    >
      {mode === "test" ? "Test data" : "Live"}
    </span>
  );
}

/** A switch (a form, so it works before hydration) between live and test credits and data. */
export function ModeSwitch({ mode }: { mode: StudioMode }) {
  const testMode = mode === "test";
  return (
    <form action={setModeAction} className="flex items-center gap-2">
      <input type="hidden" name="mode" value={testMode ? "live" : "test"} />
      <button
        type="submit"
        role="switch"
        aria-checked={testMode}
        className="flex items-center gap-2 rounded px-2 py-1 text-stone-700 hover:bg-stone-100"
      >
        <span
          aria-hidden
          className={cn(
            "relative inline-block h-5 w-9 rounded-full transition-colors",
            testMode ? "bg-amber-600" : "bg-stone-400",
          )}
        >
          <span
            className={cn(
              "absolute top-0.5 left-0.5 size-4 rounded-full bg-white transition-transform",
              testMode && "translate-x-4",
            )}
          />
        </span>
        Test mode
      </button>
    </form>
  );
}
