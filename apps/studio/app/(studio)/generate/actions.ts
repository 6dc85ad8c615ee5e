"use server";

import { appRouter, type RouterInputs } from "@garment/server/trpc";
import { redirect } from "next/navigation";
import {
  buildSpecRequest,
  friendlyFieldErrors,
  specValuesFromForm,
  type SpecFormState,
} from "~/components/spec-form/spec-values";
import { fieldErrorsOf } from "~/lib/field-errors";
import { studioAction } from "~/lib/trpc-server";

const dispatch = studioAction(appRouter.complementaryGarment.dispatch);

/**
 * The spec form's action, with or without JavaScript: the posted fields become the dispatch's
 * input and go to the same procedure as every other transport's dispatch (the edge parses,
 * charges and logs it). Accepted → the job's page; refused → the form again, with the values as
 * posted and each field the server named marked.
 */
export async function dispatchSpecAction(
  _previous: SpecFormState,
  form: FormData,
): Promise<SpecFormState> {
  const values = specValuesFromForm(form);
  const { input, errors } = buildSpecRequest(values);
  // Metadata that is not JSON cannot be sent as the object the API takes: nothing is sent.
  if (errors.metadata) return { values, errors, formError: "Please fix the marked fields." };
  // Not checked here: the procedure's edge parses it, and answers 422 naming each field.
  const response = await dispatch(input as RouterInputs["complementaryGarment"]["dispatch"]);
  if ("error" in response) {
    const fields = friendlyFieldErrors(fieldErrorsOf(response.error));
    // The form's own words for an empty category, beside whatever else the server named.
    const marked = { ...fields, ...errors };
    return Object.keys(marked).length > 0
      ? {
          values,
          errors: marked,
          formError: "The server could not accept some fields. They are marked below.",
        }
      : { values, errors: {}, formError: response.error.message };
  }
  const accepted = response.result.data;
  redirect(`/jobs/${accepted.job_id}?charged=${accepted.credits_cost}`);
}
