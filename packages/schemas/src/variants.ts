import { z } from "zod";
import { CatalogEntryStatus } from "./catalog";
import { WorkflowAcceptedResponse } from "./complementary-garment";
import { JobStatus } from "./job-status";

/** Most variants one request may ask for (each is a charged generation). */
export const MAX_VARIANTS_PER_REQUEST = 8;

/** Body of POST /v1/jobs/{public_id}/variants (our extension). */
export const VariantsCreateRequest = z
  .object({
    count: z
      .int()
      .min(1)
      .max(MAX_VARIANTS_PER_REQUEST)
      .meta({
        description: `How many variants (new seeds of the same spec), 1 to ${MAX_VARIANTS_PER_REQUEST}; each costs the generator's price.`,
      }),
  })
  .meta({ id: "VariantsCreateRequest" });

/** The same, with the job it starts from (tRPC's input; REST takes the id from the path). */
export const VariantsCreateInput = VariantsCreateRequest.extend({
  public_id: z.string().max(64),
});
export type VariantsCreateInput = z.input<typeof VariantsCreateInput>;

export const VariantsAcceptedResponse = z
  .object({
    root_job_id: z.string().meta({
      description: "The job every variant points to (a variant of a variant points to the root).",
    }),
    credits_cost: z.int().meta({ description: "Charged for all the variants together." }),
    jobs: z.array(WorkflowAcceptedResponse),
  })
  .meta({ id: "VariantsAcceptedResponse" });
export type VariantsAcceptedResponse = z.infer<typeof VariantsAcceptedResponse>;

export const VariantResponse = z
  .object({
    job_id: z.string(),
    is_root: z.boolean(),
    status: JobStatus,
    seed: z.int().nullable().meta({ description: "The seed the job was rendered with." }),
    created_at: z.string(),
    image_url: z.string().nullable().meta({
      description: "The final image's short-lived signed URL, once the job succeeded.",
    }),
    catalog_entry_id: z.string().nullable(),
    catalog_status: CatalogEntryStatus.nullable(),
  })
  .meta({ id: "VariantResponse" });
export type VariantResponse = z.infer<typeof VariantResponse>;

export const VariantGroupResponse = z
  .object({
    root_job_id: z.string(),
    variants: z
      .array(VariantResponse)
      .meta({ description: "The root first, then its variants, oldest first." }),
  })
  .meta({ id: "VariantGroupResponse" });
export type VariantGroupResponse = z.infer<typeof VariantGroupResponse>;
