import { approveCatalogEntry } from "./approve-catalog-entry";
import { cancelJob } from "./cancel-job";
import { createBatch } from "./create-batch";
import { checkCompatibility } from "./check-compatibility";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { createJobVariants } from "./create-job-variants";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { dispatchComplementaryGarment } from "./dispatch-complementary-garment";
import { getBatch } from "./get-batch";
import { getBatchExportLinks } from "./get-batch-export-links";
import { getComplementaryGarment } from "./get-complementary-garment";
import { getCredits } from "./get-credits";
import { getGarmentCategory } from "./get-garment-category";
import { getJob } from "./get-job";
import { getSpecVocabulary } from "./get-spec-vocabulary";
import { listBatches } from "./list-batches";
import { listComplementaryGarments } from "./list-complementary-garments";
import { listGarmentCategories } from "./list-garment-categories";
import { listImageModels } from "./list-image-models";
import { listJobEvents } from "./list-job-events";
import { listJobVariants } from "./list-job-variants";
import { listJobs } from "./list-jobs";
import { listOperations } from "./list-operations";
import { listUsage } from "./list-usage";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhookEndpoints } from "./list-webhook-endpoints";
import { createApiKey } from "./studio/create-api-key";
import { getCreditActivity } from "./studio/get-credit-activity";
import { getFormOptions } from "./studio/get-form-options";
import { getOperatorOverview } from "./studio/get-operator-overview";
import { getStylist } from "./studio/get-stylist";
import { listApiKeys } from "./studio/list-api-keys";
import { listJobHistory } from "./studio/list-job-history";
import { listLedger } from "./studio/list-ledger";
import { recognizeColor } from "./studio/recognize-color";
import { revokeApiKey } from "./studio/revoke-api-key";
import { setOperationEnabled } from "./studio/set-operation-enabled";

/**
 * Every operation, once. The tree is tRPC's (`jobs.cancel` is `operations.jobs.cancel`); REST
 * routes and the OpenAPI document follow the operations' own bindings, in this order.
 * Adding an operation: its file, and one line here.
 */
export const operations = {
  complementaryGarment: { dispatch: dispatchComplementaryGarment },
  /** Our extension: many dispatches at once (POST /v1/batches). */
  batches: {
    create: createBatch,
    list: listBatches,
    get: getBatch,
    exportLinks: getBatchExportLinks,
  },
  jobs: {
    list: listJobs,
    get: getJob,
    events: listJobEvents,
    cancel: cancelJob,
    /** Our extension: new seeds of a finished job, compared side by side. */
    variants: { create: createJobVariants, list: listJobVariants },
  },
  credits: { balance: getCredits },
  operations: { list: listOperations },
  usage: { list: listUsage },
  webhooks: {
    create: createWebhookEndpoint,
    list: listWebhookEndpoints,
    delete: deleteWebhookEndpoint,
    deliveries: listWebhookDeliveries,
  },
  reference: {
    garmentCategories: listGarmentCategories,
    garmentCategory: getGarmentCategory,
    specVocabulary: getSpecVocabulary,
    imageModels: listImageModels,
  },
  catalog: {
    checkCompatibility,
    complementaryGarments: listComplementaryGarments,
    complementaryGarment: getComplementaryGarment,
    /** Our extension: one entry of a variant group becomes the product's. */
    approve: approveCatalogEntry,
  },
  /** What the Studio's pages need beyond the public API. */
  studio: {
    me: getStylist,
    formOptions: getFormOptions,
    recognizeColor,
    history: listJobHistory,
    ledger: listLedger,
    creditActivity: getCreditActivity,
    apiKeys: { list: listApiKeys, create: createApiKey, revoke: revokeApiKey },
    /** The operator's page (audience: the operator role). */
    operator: { overview: getOperatorOverview, setOperationEnabled },
  },
} as const;

export type Operations = typeof operations;
export type { AnyOperation, OperationContext } from "./define";
