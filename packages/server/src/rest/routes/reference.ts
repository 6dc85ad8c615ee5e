import { getSpecVocabulary } from "../../services/reference/get-spec-vocabulary";
import {
  getGarmentCategory,
  listGarmentCategories,
} from "../../services/reference/list-garment-categories";
import { listImageModels } from "../../services/reference/list-image-models";
import type { RestHandler } from "../endpoint";
import { json } from "../http";

/** GET /v1/garment-categories */
export const getGarmentCategories: RestHandler = async (call) =>
  json(await listGarmentCategories(call.runtime.reference, await call.authenticate()));

/** GET /v1/garment-categories/{public_id} */
export const getGarmentCategoryById: RestHandler = async (call) =>
  json(
    await getGarmentCategory(
      call.runtime.reference,
      await call.authenticate(),
      call.params.id ?? "",
    ),
  );

/** GET /v1/spec-vocabulary */
export const getSpecVocabularyRoute: RestHandler = async (call) =>
  json(getSpecVocabulary(await call.authenticate()));

/** GET /v1/image-models */
export const getImageModels: RestHandler = async (call) =>
  json(listImageModels(call.runtime.imageModels, await call.authenticate()));
