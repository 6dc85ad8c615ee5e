"use client";

import { useMemo, useState } from "react";
import { FieldError, Input } from "~/components/ui/field";
import { Skeleton } from "~/components/ui/card";
import { cn } from "~/lib/cn";

interface Category {
  public_id: string;
  name: string;
  slot: string;
}

const SLOT_LABEL: Record<string, string> = {
  top: "Tops",
  bottom: "Bottoms",
  one_piece: "One-pieces",
  outerwear: "Outerwear",
  footwear: "Footwear",
  accessory: "Accessories",
};

/** The product garment's category: radios grouped by slot, filtered by a search box. */
export function CategoryPicker({
  categories,
  value,
  onChange,
  error,
}: {
  categories: Category[] | undefined;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState("");
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const bySlot = new Map<string, Category[]>();
    for (const category of categories ?? []) {
      const slotLabel = SLOT_LABEL[category.slot] ?? category.slot;
      if (q && !category.name.toLowerCase().includes(q) && !slotLabel.toLowerCase().includes(q))
        continue;
      bySlot.set(category.slot, [...(bySlot.get(category.slot) ?? []), category]);
    }
    return [...bySlot.entries()];
  }, [categories, query]);
  const selected = categories?.find((c) => c.public_id === value);

  return (
    <fieldset
      id="garment_category_public_id"
      tabIndex={-1}
      aria-describedby={error ? "garment_category_public_id-error" : undefined}
      className="min-w-0"
    >
      <legend className="text-sm font-medium text-stone-800">
        Product garment category{" "}
        <span className="font-normal text-stone-600">
          {selected ? `· ${selected.name}` : "· choose one"}
        </span>
      </legend>
      <label htmlFor="category-search" className="sr-only">
        Search categories
      </label>
      <Input
        id="category-search"
        type="search"
        placeholder="Search categories (e.g. coat, skirt)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      <div
        className={cn(
          "mt-3 h-64 space-y-3 overflow-y-auto rounded-md border p-3",
          error ? "border-red-600" : "border-stone-200",
        )}
      >
        {!categories &&
          Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}
        {categories && groups.length === 0 && (
          <p className="text-sm text-stone-600">No category matches “{query}”.</p>
        )}
        {groups.map(([slot, items]) => (
          <div key={slot} role="group" aria-labelledby={`slot-${slot}`}>
            <p
              id={`slot-${slot}`}
              className="text-xs font-semibold tracking-wide text-stone-600 uppercase"
            >
              {SLOT_LABEL[slot] ?? slot}
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              {items.map((category) => (
                <label
                  key={category.public_id}
                  className={cn(
                    "cursor-pointer rounded-full border px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent",
                    category.public_id === value
                      ? "border-accent bg-accent-soft text-accent-strong"
                      : "border-stone-300 bg-white hover:bg-stone-50",
                  )}
                >
                  <input
                    type="radio"
                    name="garment_category_public_id"
                    value={category.public_id}
                    checked={category.public_id === value}
                    onChange={() => onChange(category.public_id)}
                    className="sr-only"
                  />
                  {category.name}
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
      <FieldError id="garment_category_public_id-error">{error}</FieldError>
    </fieldset>
  );
}
