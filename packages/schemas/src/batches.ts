import { z } from "zod";
import { ComplementaryGarmentGeneratorRequest } from "./complementary-garment";
import { JobStatus } from "./job-status";
import { PageInfo, pageQuery } from "./page";

// POST /v1/batches and GET /v1/batches/{id}: our extension, not a route of the original API.
// The Studio's bulk upload checks each row in the browser with BatchItem, the schema the API uses.

/** Most rows one batch may carry. */
export const MAX_BATCH_ITEMS = 1000;

/** One row: the dispatch body of POST /v1/complementary-garment-generator, plus the product's sku. */
export const BatchItem = ComplementaryGarmentGeneratorRequest.extend({
  sku: z.string().trim().min(1).max(100).nullable().optional().meta({
    description: "The shop's product reference; names the row in exports (CSV, zip of images).",
  }),
}).meta({ id: "BatchItem" });
export type BatchItem = z.infer<typeof BatchItem>;
export type BatchItemInput = z.input<typeof BatchItem>;

export const BatchCreateRequest = z
  .object({
    idempotency_key: z.string().min(1).max(200).nullable().optional().meta({
      description:
        "Names the batch: the same key again answers with the same batch and charges nothing (another body under it is 409). Each row's own key is derived from it and the row. The `Idempotency-Key` header is read when this is absent.",
    }),
    items: z.array(BatchItem).min(1).max(MAX_BATCH_ITEMS),
  })
  .meta({ id: "BatchCreateRequest" });
export type BatchCreateRequest = z.infer<typeof BatchCreateRequest>;
export type BatchCreateInput = z.input<typeof BatchCreateRequest>;

export const BatchJobResponse = z
  .object({
    row: z.int().meta({ description: "The item's index in the request, from 0." }),
    job_id: z.string(),
    request_id: z.string().meta({ description: "The row's own request id (its ledger entries)." }),
    sku: z.string().nullable(),
    display_name: z.string(),
    status: JobStatus,
    credits_cost: z.int(),
    failure_reason: z.string().nullable(),
    image_url: z.string().nullable().meta({
      description: "The final image's short-lived signed URL, once the job succeeded.",
    }),
  })
  .meta({ id: "BatchJobResponse" });
export type BatchJobResponse = z.infer<typeof BatchJobResponse>;

export const BatchCounts = z
  .object({
    NOT_STARTED: z.int(),
    IN_PROGRESS: z.int(),
    SUCCESS: z.int(),
    FAILURE: z.int(),
  })
  .meta({ id: "BatchCounts", description: "How many of the batch's jobs are in each status." });
export type BatchCounts = z.infer<typeof BatchCounts>;

/** A batch without its jobs: the data of the `batch.finished` webhook. */
export const BatchSummary = z
  .object({
    batch_id: z.string(),
    request_id: z.string(),
    created_at: z.string(),
    finished_at: z.string().nullable().meta({
      description: "When the last job became terminal (batch.finished was announced then).",
    }),
    item_count: z.int(),
    credits_cost: z.int().meta({ description: "What the batch was charged, all rows together." }),
    credits_refunded: z.int().meta({
      description: "What its failed rows gave back so far (each failed row refunded once).",
    }),
    counts: BatchCounts,
  })
  .meta({ id: "BatchSummary" });
export type BatchSummary = z.infer<typeof BatchSummary>;

/**
 * Query of GET /v1/batches. Pages are smaller than other lists': each batch on a page carries
 * its counts by status, read from its jobs (up to 1,000 each).
 */
export const BatchListQuery = pageQuery({ defaultLimit: 20, maxLimit: 100 });
export type BatchListQuery = z.infer<typeof BatchListQuery>;

/** GET /v1/batches: the caller's batches, newest first, each without its jobs. */
export const BatchListResponse = z
  .object({
    batches: z.array(BatchSummary),
    ...PageInfo.shape,
    count: z.int().meta({ description: "Batches on this page." }),
  })
  .meta({ id: "BatchListResponse" });
export type BatchListResponse = z.infer<typeof BatchListResponse>;

export const BatchResponse = BatchSummary.extend({
  jobs: z.array(BatchJobResponse),
}).meta({ id: "BatchResponse" });
export type BatchResponse = z.infer<typeof BatchResponse>;

/** Signed, short-lived links to a batch's exports, for a browser that has no API key (the Studio). */
export const BatchExportLinks = z
  .object({
    csv_url: z.string(),
    zip_url: z.string(),
    expires_at: z.string(),
  })
  .meta({ id: "BatchExportLinks" });
export type BatchExportLinks = z.infer<typeof BatchExportLinks>;
