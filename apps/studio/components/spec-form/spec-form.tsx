"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
} from "react";
import { dispatchSpecAction } from "~/app/(studio)/generate/actions";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { FieldError, Input, Label } from "~/components/ui/field";
import { loadSchemas } from "~/lib/schemas";
import { trpc } from "~/lib/trpc";
import { AdvancedOptions } from "./advanced-options";
import { CategoryPicker } from "./category-picker";
import { ColorField } from "./color-field";
import {
  EMPTY_SPEC,
  INITIAL_SPEC_STATE,
  specFormData,
  validateSpec,
  valuesFromRequest,
  type FieldErrors,
  type SpecValues,
} from "./spec-values";
import { VocabularyField } from "./vocabulary-field";

const FIELD_ORDER: (keyof SpecValues)[] = [
  "garment_category_public_id",
  "color",
  "material",
  "pattern",
  "fit",
  "length",
  "display_name",
  "image_model",
  "resolution",
  "aspect_ratio",
  "seed",
  "on_technical_failure",
  "pilot_brand",
  "metadata",
];

const FIELD_LABEL: Partial<Record<keyof SpecValues, string>> = {
  garment_category_public_id: "Category",
  display_name: "Display name",
  image_model: "Image model",
  aspect_ratio: "Aspect ratio",
  on_technical_failure: "Failure policy",
  pilot_brand: "Pilot brand",
};

const label = (field: string) =>
  FIELD_LABEL[field as keyof SpecValues] ?? field.charAt(0).toUpperCase() + field.slice(1);

/**
 * The garment-spec form: product garment in, complementary garment job out. It posts to a server
 * action (the dispatch procedure, generate/actions.ts), so it works without JavaScript: the
 * server then redirects to the job, or renders the form again with the action's state (values
 * kept, fields marked). With JavaScript the shared schema checks first, and the same action runs.
 */
export function SpecForm({ fromJobId }: { fromJobId?: string | undefined }) {
  const [state, formAction, pending] = useActionState(dispatchSpecAction, INITIAL_SPEC_STATE);
  const source = trpc.jobs.get.useQuery(
    { public_id: fromJobId ?? "" },
    { enabled: !!fromJobId, staleTime: Infinity },
  );
  const [values, setValues] = useState<SpecValues>(
    () =>
      state.values ?? (source.data?.request ? valuesFromRequest(source.data.request) : EMPTY_SPEC),
  );
  const [errors, setErrors] = useState<FieldErrors>(state.errors);
  const [formError, setFormError] = useState<string | null>(state.formError);
  const summaryRef = useRef<HTMLDivElement>(null);

  const categories = trpc.reference.garmentCategories.useQuery();
  const vocabulary = trpc.reference.specVocabulary.useQuery();
  const imageModels = trpc.reference.imageModels.useQuery();
  const options = trpc.studio.formOptions.useQuery();
  const operations = trpc.operations.list.useQuery();
  const balance = trpc.credits.balance.useQuery();
  // "Edit and rerun": start from the job's request once it has loaded (the page prefetches it,
  // so it is usually there at the first render, and the server's HTML holds the values).
  const prefilled = useRef(state.values !== null || !!source.data?.request);
  useEffect(() => {
    if (source.data?.request && !prefilled.current) {
      prefilled.current = true;
      setValues(valuesFromRequest(source.data.request));
    }
  }, [source.data]);

  // A refusal answered to a submit from this page: show what the server marked.
  const shownState = useRef(state);
  useEffect(() => {
    if (shownState.current === state) return;
    shownState.current = state;
    setErrors(state.errors);
    setFormError(state.formError);
  }, [state]);

  const operation = operations.data?.operations.find((op) => op.name.includes("complementary"));
  const price = operation?.credits_cost;
  const current = balance.data?.balance;
  const affordable = price === undefined || current === undefined || current >= price;

  const set = <K extends keyof SpecValues>(key: K, value: SpecValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  useEffect(() => {
    if (formError) summaryRef.current?.focus();
  }, [formError]);

  // The shared schema is fetched after first paint, so it is there by the first submit.
  useEffect(() => {
    void loadSchemas();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const checked = await validateSpec(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError("Please fix the marked fields.");
      return;
    }
    setErrors({});
    // The same action a form posted without JavaScript runs; it redirects to the job when accepted.
    startTransition(() => formAction(specFormData(values)));
  }

  const errorList = FIELD_ORDER.filter((f) => errors[f]);

  return (
    <form
      action={formAction}
      onSubmit={(e) => void submit(e)}
      noValidate
      className="grid gap-6 lg:grid-cols-[1fr_18rem]"
    >
      <div className="space-y-6">
        {formError && (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            data-testid="form-error"
            className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900"
          >
            <p className="font-medium">{formError}</p>
            {errorList.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {errorList.map((f) => (
                  <li key={f}>
                    <a href={`#${f}`} className="underline">
                      {label(f)}
                    </a>
                    : {errors[f]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Card>
          <h2 className="mb-4 text-base font-semibold">The product garment</h2>
          <div className="grid gap-5">
            <CategoryPicker
              categories={categories.data?.garment_categories}
              value={values.garment_category_public_id}
              onChange={(id) => set("garment_category_public_id", id)}
              error={errors.garment_category_public_id}
            />
            <ColorField
              value={values.color}
              onChange={(c) => set("color", c)}
              error={errors.color}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <VocabularyField
                id="material"
                label="Material"
                value={values.material}
                onChange={(v) => set("material", v)}
                suggestions={vocabulary.data?.materials}
                error={errors.material}
                placeholder="wool, denim, silk…"
                hint="Suggestions from the spec vocabulary; free text works too."
              />
              <VocabularyField
                id="pattern"
                label="Pattern"
                value={values.pattern}
                onChange={(v) => set("pattern", v)}
                suggestions={vocabulary.data?.patterns}
                error={errors.pattern}
                placeholder="solid, pinstripe, gingham…"
                hint="Suggestions from the spec vocabulary; free text works too."
              />
              <fieldset>
                <legend className="text-sm font-medium text-stone-800">Fit</legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  {(["", "slim", "regular", "loose"] as const).map((fit) => (
                    <label
                      key={fit || "any"}
                      className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
                    >
                      <input
                        type="radio"
                        name="fit"
                        value={fit}
                        checked={values.fit === fit}
                        onChange={() => set("fit", fit)}
                        className="accent-accent"
                      />
                      {fit === "" ? "Not set" : fit[0]?.toUpperCase() + fit.slice(1)}
                    </label>
                  ))}
                </div>
                <FieldError id="fit-error">{errors.fit}</FieldError>
              </fieldset>
              <VocabularyField
                id="length"
                label="Length (optional)"
                value={values.length}
                onChange={(v) => set("length", v)}
                suggestions={vocabulary.data?.lengths}
                error={errors.length}
                placeholder="hip, knee, ankle…"
              />
            </div>
            <div>
              <Label htmlFor="display_name">Display name (optional)</Label>
              <Input
                id="display_name"
                name="display_name"
                value={values.display_name}
                onChange={(e) => set("display_name", e.target.value)}
                placeholder="Empty: the engine names the garment"
                aria-invalid={errors.display_name ? true : undefined}
                aria-describedby={errors.display_name ? "display_name-error" : undefined}
              />
              <FieldError id="display_name-error">{errors.display_name}</FieldError>
            </div>
          </div>
        </Card>
        <AdvancedOptions
          values={values}
          set={set}
          errors={errors}
          imageModels={imageModels.data?.image_models}
          brands={options.data?.pilot_brands}
        />
      </div>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <Card>
          <h2 className="text-base font-semibold">Generate</h2>
          <dl className="mt-3 space-y-1 text-sm">
            <div className="flex justify-between">
              <dt className="text-stone-600">Price</dt>
              <dd data-testid="price" className="tabular-nums">
                {price === undefined ? "…" : `${price} credits`}
              </dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-stone-600">Balance</dt>
              <dd className="tabular-nums">{current === undefined ? "…" : current}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-stone-600">After this job</dt>
              <dd className="tabular-nums" data-testid="balance-after">
                {price === undefined || current === undefined ? "…" : current - price}
              </dd>
            </div>
          </dl>
          {!affordable && (
            <p className="mt-3 text-sm text-red-700" role="status">
              The balance does not cover this job.
            </p>
          )}
          <Button type="submit" className="mt-4 w-full" disabled={pending || !affordable}>
            {pending ? "Sending…" : "Generate complement"}
          </Button>
          <p className="mt-2 text-xs text-stone-600">
            Every failure refunds the credits automatically.
          </p>
        </Card>
      </aside>
    </form>
  );
}
