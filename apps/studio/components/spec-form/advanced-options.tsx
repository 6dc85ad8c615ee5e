"use client";

import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button";
import { FieldError, Hint, Input, Label, Select, Textarea } from "~/components/ui/field";
import { ASPECT_RATIOS, FAILURE_POLICIES, MAX_SEED, RESOLUTIONS } from "~/lib/schemas";
import type { Outputs } from "~/lib/trpc";
import { parseMetadata, randomSeed, type FieldErrors, type SpecValues } from "./spec-values";

type ImageModel = Outputs["reference"]["imageModels"]["image_models"][number];

export function AdvancedOptions({
  values,
  set,
  errors,
  imageModels,
  brands,
}: {
  values: SpecValues;
  set: <K extends keyof SpecValues>(key: K, value: SpecValues[K]) => void;
  errors: FieldErrors;
  imageModels: ImageModel[] | undefined;
  brands: { slug: string; name: string }[] | undefined;
}) {
  const available = imageModels?.filter((m) => m.available) ?? [];
  const model =
    available.find((m) => m.id === values.image_model) ?? available.find((m) => m.default);
  const resolutions = model?.supports.resolutions ?? RESOLUTIONS;
  const aspects = model?.supports.aspect_ratios ?? ASPECT_RATIOS;
  const metadata = parseMetadata(values.metadata);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const advancedError = Object.keys(errors).some((k) => ADVANCED_FIELDS.has(k));
  // Open the section when one of its fields is marked, so the mark is seen.
  useEffect(() => {
    if (advancedError && detailsRef.current) detailsRef.current.open = true;
  }, [advancedError]);
  const metadataError = errors.metadata ?? ("error" in metadata ? metadata.error : undefined);
  const described = (id: keyof SpecValues, hint?: boolean) =>
    [hint ? `${id}-hint` : "", errors[id] ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;

  return (
    <details
      ref={detailsRef}
      // Open in the server's HTML too when one of its fields is marked (a form posted without
      // JavaScript comes back rendered by the server).
      open={advancedError || undefined}
      className="group rounded-lg border border-stone-200 bg-white"
    >
      <summary className="cursor-pointer px-5 py-3 text-sm font-medium select-none">
        Advanced: image model, size, seed, evaluation, brand, metadata
      </summary>
      <div className="grid gap-5 border-t border-stone-200 p-5 sm:grid-cols-2">
        <div>
          <Label htmlFor="image_model">Image model</Label>
          <Select
            id="image_model"
            name="image_model"
            value={values.image_model}
            onChange={(e) => set("image_model", e.target.value)}
            aria-invalid={errors.image_model ? true : undefined}
            aria-describedby={described("image_model")}
          >
            <option value="">
              Default{model && values.image_model === "" ? ` (${model.display_name})` : ""}
            </option>
            {available.map((m) => (
              <option key={m.id} value={m.id}>
                {m.display_name}
              </option>
            ))}
          </Select>
          <FieldError id="image_model-error">{errors.image_model}</FieldError>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="resolution">Resolution</Label>
            <Select
              id="resolution"
              name="resolution"
              value={values.resolution}
              onChange={(e) => set("resolution", e.target.value as SpecValues["resolution"])}
              aria-invalid={errors.resolution ? true : undefined}
              aria-describedby={described("resolution")}
            >
              {resolutions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
            <FieldError id="resolution-error">{errors.resolution}</FieldError>
          </div>
          <div>
            <Label htmlFor="aspect_ratio">Aspect ratio</Label>
            <Select
              id="aspect_ratio"
              name="aspect_ratio"
              value={values.aspect_ratio}
              onChange={(e) => set("aspect_ratio", e.target.value as SpecValues["aspect_ratio"])}
              aria-invalid={errors.aspect_ratio ? true : undefined}
              aria-describedby={described("aspect_ratio")}
            >
              {aspects.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
            <FieldError id="aspect_ratio-error">{errors.aspect_ratio}</FieldError>
          </div>
        </div>
        <div>
          <Label htmlFor="seed">Seed</Label>
          <div className="flex gap-2">
            <Input
              id="seed"
              name="seed"
              inputMode="numeric"
              placeholder="random"
              value={values.seed}
              onChange={(e) => set("seed", e.target.value)}
              aria-invalid={errors.seed ? true : undefined}
              aria-describedby={described("seed", true)}
            />
            <Button
              variant="secondary"
              className="mt-1"
              onClick={() => set("seed", String(randomSeed()))}
              aria-label="Roll a random seed"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              >
                <rect x="3" y="3" width="18" height="18" rx="4" />
                <circle cx="8.5" cy="8.5" r="1.3" fill="currentColor" />
                <circle cx="15.5" cy="15.5" r="1.3" fill="currentColor" />
                <circle cx="12" cy="12" r="1.3" fill="currentColor" />
              </svg>
            </Button>
          </div>
          <Hint id="seed-hint">
            0 – {MAX_SEED.toLocaleString("en")}. Same spec + model + seed → the same garment.
          </Hint>
          <FieldError id="seed-error">{errors.seed}</FieldError>
        </div>
        <div>
          <Label htmlFor="on_technical_failure">When the model fails</Label>
          <Select
            id="on_technical_failure"
            name="on_technical_failure"
            value={values.on_technical_failure}
            onChange={(e) =>
              set("on_technical_failure", e.target.value as SpecValues["on_technical_failure"])
            }
            aria-describedby={described("on_technical_failure")}
          >
            {Object.entries(FAILURE_POLICIES).map(([policy, text]) => (
              <option key={policy} value={policy}>
                {text}
              </option>
            ))}
          </Select>
          <FieldError id="on_technical_failure-error">{errors.on_technical_failure}</FieldError>
        </div>
        <div>
          <Label htmlFor="pilot_brand">Pilot brand style guide</Label>
          <Select
            id="pilot_brand"
            name="pilot_brand"
            value={values.pilot_brand}
            onChange={(e) => set("pilot_brand", e.target.value)}
            aria-invalid={errors.pilot_brand ? true : undefined}
            aria-describedby={described("pilot_brand")}
          >
            <option value="">None</option>
            {brands?.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </Select>
          <FieldError id="pilot_brand-error">{errors.pilot_brand}</FieldError>
        </div>
        <div className="flex items-start gap-3 pt-6">
          <input
            id="eval_enabled"
            name="eval_enabled"
            type="checkbox"
            className="mt-0.5 size-4 accent-accent"
            checked={values.eval_enabled}
            onChange={(e) => set("eval_enabled", e.target.checked)}
            aria-describedby="eval_enabled-hint"
          />
          <div>
            <Label htmlFor="eval_enabled">Evaluate each render</Label>
            <Hint id="eval_enabled-hint">Re-render with the next seed while the check fails.</Hint>
          </div>
        </div>
        <div className="sm:col-span-2">
          <Label htmlFor="metadata">Metadata (JSON object)</Label>
          <Textarea
            id="metadata"
            name="metadata"
            rows={4}
            spellCheck={false}
            value={values.metadata}
            onChange={(e) => set("metadata", e.target.value)}
            aria-invalid={metadataError ? true : undefined}
            aria-describedby={metadataError ? "metadata-error" : "metadata-hint"}
          />
          {metadataError ? (
            <FieldError id="metadata-error">{metadataError}</FieldError>
          ) : (
            <Hint id="metadata-hint">Stored with the job and echoed back; at most 16 KiB.</Hint>
          )}
        </div>
      </div>
    </details>
  );
}

const ADVANCED_FIELDS = new Set([
  "image_model",
  "resolution",
  "aspect_ratio",
  "seed",
  "on_technical_failure",
  "pilot_brand",
  "metadata",
  "eval_enabled",
]);
