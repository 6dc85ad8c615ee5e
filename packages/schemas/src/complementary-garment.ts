import { z } from "zod";
import { Fit } from "./vocabulary-keys";
import { AspectRatio, OnTechnicalFailure, Resolution, Seed } from "./generator-options";
import { JobStatus } from "./job-status";

export const METADATA_MAX_BYTES = 16 * 1024;

// TextEncoder rather than Buffer: this schema also runs in the browser (the Studio form).
const serializedByteLength = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)).length;

const Metadata = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    let size: number;
    try {
      size = serializedByteLength(value);
    } catch {
      // JSON.stringify overflows the stack on absurdly deep objects: a client error, not ours.
      ctx.addIssue({ code: "custom", message: "Metadata is nested too deeply" });
      return;
    }
    if (size > METADATA_MAX_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `Metadata must be at most ${METADATA_MAX_BYTES} bytes when serialized`,
      });
    }
  })
  .meta({ description: "Free-form, stored and echoed; at most 16 KiB serialized." });

/**
 * POST /v1/complementary-garment-generator: a styling garment spec.
 * The single definition used by REST, tRPC, the Studio form and the OpenAPI document.
 * Nullable options keep FastAPI's semantics: absent → default, null → "use the default".
 */
export const ComplementaryGarmentGeneratorRequest = z
  .object({
    display_name: z.string().max(200).default("").meta({
      description: "Empty → the engine names the garment.",
    }),
    garment_category_public_id: z.string().max(64).meta({
      description: "ULID of the garment category driving compatibility.",
    }),
    color: z.string().min(1).max(100).meta({
      description: "A color name (navy, camel, ecru…), #rrggbb, or a CSS color.",
    }),
    material: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: "Free text; see GET /v1/spec-vocabulary." }),
    pattern: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: "Free text; see GET /v1/spec-vocabulary." }),
    fit: Fit.nullable().optional(),
    length: z.string().max(60).nullable().optional(),
    metadata: Metadata.default({}),
    image_model: z.string().max(100).nullable().optional().meta({
      description: "An id from GET /v1/image-models; null → the built-in model.",
    }),
    eval_enabled: z.boolean().nullable().default(true),
    resolution: Resolution.nullable().default("1K"),
    aspect_ratio: AspectRatio.nullable().default("1:1"),
    seed: Seed.nullable().optional().meta({
      description:
        "Same spec + model + seed → same plan (and pixels for the built-in model); null → random, recorded.",
    }),
    on_technical_failure: OnTechnicalFailure.nullable().default("retry"),
    pilot_brand: z.string().max(100).nullable().optional().meta({
      description: "Slug of a brand style guide; unknown → 422.",
    }),
  })
  .meta({
    id: "ComplementaryGarmentGeneratorRequest",
    description: "POST /v1/complementary-garment-generator — a styling garment spec.",
  });
export type ComplementaryGarmentGeneratorRequest = z.infer<
  typeof ComplementaryGarmentGeneratorRequest
>;
export type ComplementaryGarmentGeneratorInput = z.input<
  typeof ComplementaryGarmentGeneratorRequest
>;

export const WorkflowAcceptedResponse = z
  .object({
    request_id: z
      .string()
      .meta({ description: "26-char ULID — correlates with the row in request_logs." }),
    job_id: z.string().nullable(),
    status: JobStatus.default("NOT_STARTED"),
    credits_cost: z.int().meta({
      description:
        "Credits deducted from the calling client. Refunded automatically on any failure path.",
    }),
  })
  .meta({
    id: "WorkflowAcceptedResponse",
    description: "Returned synchronously from any POST /v1/{name} (202).",
  });
export type WorkflowAcceptedResponse = z.infer<typeof WorkflowAcceptedResponse>;
