import { z } from "zod";
import { PageInfo, PageQuery } from "./page";
import { AspectRatio, Resolution } from "./generator-options";
import { Fit, GarmentSlot, Silhouette } from "./vocabulary-keys";

/* The domain reads: garment categories, the spec vocabulary, image models, the
 * complementary-garment catalog and the pre-dispatch compatibility check. One definition
 * each, shared by REST, tRPC and the OpenAPI document. */

// ── Garment categories ────────────────────────────────────────────────────────────────

export const GarmentCategoryResponse = z
  .object({
    public_id: z.string().meta({ description: "ULID; what `garment_category_public_id` takes." }),
    slug: z.string().meta({ example: "t-shirt" }),
    name: z.string().meta({ example: "T-shirt" }),
    slot: GarmentSlot,
    silhouette: Silhouette.meta({ description: "The shape the built-in model draws." }),
    compatible_slots: z.array(GarmentSlot).meta({
      description: "Slots a complement to a garment of this category may come from.",
    }),
  })
  .meta({ id: "GarmentCategoryResponse" });
export type GarmentCategoryResponse = z.infer<typeof GarmentCategoryResponse>;

export const GarmentCategoryListResponse = z
  .object({ garment_categories: z.array(GarmentCategoryResponse) })
  .meta({ id: "GarmentCategoryListResponse" });
export type GarmentCategoryListResponse = z.infer<typeof GarmentCategoryListResponse>;

// ── Spec vocabulary ───────────────────────────────────────────────────────────────────

export const VocabularyEntryResponse = z
  .object({
    value: z.string().meta({ description: "The terse value stored in requests and the catalog." }),
    description: z.string().meta({ description: "A one-line grounding string." }),
  })
  .meta({ id: "VocabularyEntry" });
export type VocabularyEntryResponse = z.infer<typeof VocabularyEntryResponse>;

export const SpecVocabularyResponse = z
  .object({
    materials: z.array(VocabularyEntryResponse),
    patterns: z.array(VocabularyEntryResponse),
    lengths: z.array(VocabularyEntryResponse),
    fits: z.array(VocabularyEntryResponse),
  })
  .meta({
    id: "SpecVocabularyResponse",
    description: "Suggested values; free text is accepted too. Colours are not enumerated.",
  });
export type SpecVocabularyResponse = z.infer<typeof SpecVocabularyResponse>;

// ── Image models ──────────────────────────────────────────────────────────────────────

export const ImageModelResponse = z
  .object({
    id: z.string().meta({ description: "What `image_model` takes.", example: "builtin-flatlay" }),
    display_name: z.string(),
    kind: z.enum(["builtin", "hosted"]),
    available: z.boolean().meta({ description: "Whether this deployment can render with it." }),
    default: z.boolean().meta({ description: "Used when a request names no model." }),
    supports: z.object({
      resolutions: z.array(Resolution),
      aspect_ratios: z.array(AspectRatio),
      deterministic_seed: z
        .boolean()
        .meta({ description: "The same request and seed give the same pixels." }),
    }),
  })
  .meta({ id: "ImageModelResponse" });
export type ImageModelResponse = z.infer<typeof ImageModelResponse>;

export const ImageModelListResponse = z
  .object({ image_models: z.array(ImageModelResponse) })
  .meta({ id: "ImageModelListResponse" });
export type ImageModelListResponse = z.infer<typeof ImageModelListResponse>;

// ── Complementary-garment catalog ─────────────────────────────────────────────────────

/**
 * `approved`: chosen among its variants (the product's catalog entry); `superseded`: a variant
 * another was approved over (kept in history, hidden from the catalog unless asked for).
 */
export const CatalogEntryStatus = z.enum(["active", "archived", "approved", "superseded"]);
export type CatalogEntryStatus = z.infer<typeof CatalogEntryStatus>;

export const ComplementaryGarmentSpec = z
  .object({
    public_id: z.string(),
    display_name: z.string(),
    garment_category_public_id: z.string(),
    color: z.string(),
    material: z.string(),
    pattern: z.string(),
    fit: Fit.nullable(),
    length: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ComplementaryGarmentSpec" });
export type ComplementaryGarmentSpec = z.infer<typeof ComplementaryGarmentSpec>;

export const CatalogEntryResponse = z
  .object({
    public_id: z.string().meta({ description: "The id workflow requests reference." }),
    image_url: z.string().meta({ description: "Short-lived signed URL served by the app." }),
    status: CatalogEntryStatus,
    spec: ComplementaryGarmentSpec,
    description: z.string(),
    generation_job_public_id: z.string(),
    created_at: z.string(),
  })
  .meta({ id: "CatalogEntryResponse" });
export type CatalogEntryResponse = z.infer<typeof CatalogEntryResponse>;

/** GET /v1/catalog/complementary-garments answers a bare array, as the original does. */
export const CatalogEntryListResponse = z
  .array(CatalogEntryResponse)
  .meta({ id: "CatalogEntryListResponse", description: "Newest first; total in X-Total-Count." });
export type CatalogEntryListResponse = z.infer<typeof CatalogEntryListResponse>;

/** The same page with its paging, for transports that carry no headers (tRPC). */
export const CatalogEntryPageResponse = z
  .object({
    complementary_garments: z.array(CatalogEntryResponse),
    ...PageInfo.shape,
    count: z.int().meta({ description: "Entries matching the filter, across pages." }),
  })
  .meta({ id: "CatalogEntryPageResponse" });
export type CatalogEntryPageResponse = z.infer<typeof CatalogEntryPageResponse>;

/** Query of GET /v1/catalog/complementary-garments (strings in, as a query string arrives). */
export const CatalogListQuery = z.object({
  compatible_with_category_id: z.string().max(64).optional().meta({
    description: "Only garments that may be worn with a product of this garment category.",
  }),
  status: CatalogEntryStatus.optional().meta({
    description: "Only entries in this status; without it, every entry but `superseded` ones.",
  }),
  ...PageQuery.shape,
});
export type CatalogListQuery = z.infer<typeof CatalogListQuery>;

// ── Compatibility check ───────────────────────────────────────────────────────────────

export const CompatibilityCheckRequest = z
  .object({
    product_garment_category_public_id: z
      .string()
      .max(64)
      .meta({ description: "ULID of the product's garment category; unknown → 404." }),
    candidate_complementary_image_public_ids: z
      .array(z.string().max(64))
      .max(200)
      .default([])
      .meta({ description: "Complementary-garment catalog entry ids, as a picker holds them." }),
  })
  .meta({ id: "CompatibilityCheckRequest" });
export type CompatibilityCheckRequest = z.infer<typeof CompatibilityCheckRequest>;
export type CompatibilityCheckInput = z.input<typeof CompatibilityCheckRequest>;

export const CompatibilityResultResponse = z
  .object({
    public_id: z.string(),
    compatible: z.boolean().meta({
      description: "Whether the candidate may appear with the product garment category.",
    }),
    reason: z.string().meta({
      description:
        "Why, e.g. `compatible_slots: …`, `same_slot: …`, `slot_conflict: …`; `catalog_ref_missing` for an unknown candidate.",
    }),
  })
  .meta({ id: "CompatibilityResultResponse" });
export type CompatibilityResultResponse = z.infer<typeof CompatibilityResultResponse>;

export const CompatibilityCheckResponse = z
  .object({
    product_garment_category_public_id: z.string(),
    results: z.array(CompatibilityResultResponse).meta({ description: "In request order." }),
  })
  .meta({ id: "CompatibilityCheckResponse" });
export type CompatibilityCheckResponse = z.infer<typeof CompatibilityCheckResponse>;
