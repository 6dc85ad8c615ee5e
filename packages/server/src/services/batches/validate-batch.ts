import {
  BatchCreateRequest,
  BatchItem,
  MAX_BATCH_ITEMS,
  zodIssuesToDetail,
  type ValidationErrorItem,
} from "@garment/schemas";
import { z } from "zod";
import { ApiError, validationFailed } from "../../errors";
import {
  validateDispatchRequest,
  type DispatchValidationDeps,
  type ValidatedDispatch,
} from "../dispatch/validate-request";

export interface ValidatedBatchRow extends ValidatedDispatch {
  row: number;
  sku: string | null;
}

export interface ValidatedBatch {
  idempotencyKey: string | null;
  rows: ValidatedBatchRow[];
}

// The envelope first (items as opaque values), so each row is then checked on its own and a
// client hears of every bad row at once, each under `["body", "items", row, field]`.
const Envelope = z.object({
  idempotency_key: BatchCreateRequest.shape.idempotency_key,
  items: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS),
});

/**
 * Checks a batch body row by row with the dispatch's own checks (the category exists, the color
 * is recognisable…) plus the row's sku. Nothing is charged unless every row passes.
 */
export async function validateBatchRequest(
  deps: DispatchValidationDeps,
  raw: unknown,
): Promise<ValidatedBatch> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw validationFailed(zodIssuesToDetail(envelope.error.issues, raw));
  const detail: ValidationErrorItem[] = [];
  const rows: ValidatedBatchRow[] = [];
  for (const [row, item] of envelope.data.items.entries()) {
    const at = (loc: readonly (string | number)[]) => ["body", "items", row, ...loc.slice(1)];
    const isObject = item !== null && typeof item === "object" && !Array.isArray(item);
    const { sku: rawSku, ...dispatchBody } = isObject
      ? (item as Record<string, unknown>)
      : { sku: undefined };
    const sku = BatchItem.shape.sku.safeParse(rawSku);
    if (!sku.success) {
      for (const issue of zodIssuesToDetail(sku.error.issues, rawSku))
        detail.push({ ...issue, loc: ["body", "items", row, "sku"] });
    }
    try {
      const validated = await validateDispatchRequest(deps, isObject ? dispatchBody : item);
      if (sku.success) rows.push({ ...validated, row, sku: sku.data ?? null });
    } catch (error) {
      if (!(error instanceof ApiError) || !error.detail) throw error;
      for (const issue of error.detail) detail.push({ ...issue, loc: at(issue.loc) });
    }
  }
  if (detail.length > 0) throw validationFailed(detail);
  return { idempotencyKey: envelope.data.idempotency_key ?? null, rows };
}
