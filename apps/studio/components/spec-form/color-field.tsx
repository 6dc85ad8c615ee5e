"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { FieldError, Input, Label } from "~/components/ui/field";
import { trpc } from "~/lib/trpc";
import { useDebounced } from "~/lib/use-debounced";

/** Color by name, hex or CSS, or from the picker; the swatch and name are what the engine reads. */
export function ColorField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (color: string) => void;
  error?: string | undefined;
}) {
  const typed = useDebounced(value.trim(), 200);
  const recognized = trpc.studio.recognizeColor.useQuery(
    { text: typed },
    { enabled: typed.length > 0, placeholderData: keepPreviousData, staleTime: Infinity },
  );
  const match = typed.length > 0 ? recognized.data : null;
  const settled = typed === value.trim() && !recognized.isFetching;
  const describedBy = ["color-recognized", error ? "color-error" : ""].filter(Boolean).join(" ");

  return (
    <div>
      <Label htmlFor="color">Color</Label>
      <div className="mt-1 flex items-stretch gap-2">
        <span
          aria-hidden="true"
          data-testid="color-swatch"
          className="w-10 shrink-0 rounded-md border border-stone-300"
          style={{
            background: match
              ? match.hex
              : "repeating-linear-gradient(45deg,#f5f5f4 0 6px,#e7e5e4 6px 12px)",
          }}
        />
        <Input
          id="color"
          name="color"
          className="mt-0"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="camel, navy, #1f3a5f, light sage…"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label className="relative flex w-12 shrink-0 cursor-pointer items-center justify-center rounded-md border border-stone-300 bg-white text-xs text-stone-700 hover:bg-stone-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent">
          <span aria-hidden="true">Pick</span>
          <input
            type="color"
            aria-label="Pick a color"
            className="absolute inset-0 cursor-pointer opacity-0"
            value={match?.hex ?? "#c19a6b"}
            onChange={(e) => onChange(e.target.value)}
          />
        </label>
      </div>
      <p id="color-recognized" className="mt-1 min-h-5 text-sm text-stone-600" aria-live="polite">
        {typed.length === 0
          ? "Type a color name or pick one."
          : match
            ? `Recognised as ${match.name} (${match.hex})`
            : settled
              ? "Not recognised yet: try a name like navy or a #hex."
              : "Looking it up…"}
      </p>
      <FieldError id="color-error">{error}</FieldError>
    </div>
  );
}
