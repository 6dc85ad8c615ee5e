"use client";

import { FieldError, Hint, Input, Label } from "~/components/ui/field";

/** Free text with suggestions from the spec vocabulary (a native datalist: keyboard friendly). */
export function VocabularyField({
  id,
  label,
  value,
  onChange,
  suggestions,
  error,
  hint,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: { value: string; description: string }[] | undefined;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  const known = suggestions?.find((s) => s.value.toLowerCase() === value.trim().toLowerCase());
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={id}
        list={`${id}-suggestions`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(" ") : undefined}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions?.map((s) => (
          <option key={s.value} value={s.value} label={s.description} />
        ))}
      </datalist>
      {hint && <Hint id={`${id}-hint`}>{known ? known.description : hint}</Hint>}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}
