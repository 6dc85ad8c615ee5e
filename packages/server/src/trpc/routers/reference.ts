import {
  GarmentCategoryListResponse,
  GarmentCategoryResponse,
  ImageModelListResponse,
  SpecVocabularyResponse,
} from "@garment/schemas";
import { z } from "zod";
import { getSpecVocabulary } from "../../services/reference/get-spec-vocabulary";
import {
  getGarmentCategory,
  listGarmentCategories,
} from "../../services/reference/list-garment-categories";
import { listImageModels } from "../../services/reference/list-image-models";
import { apiKeyProcedure, router } from "../init";

/** The tRPC twins of GET /v1/garment-categories, /v1/spec-vocabulary and /v1/image-models. */
export const referenceRouter = router({
  garmentCategories: apiKeyProcedure
    .output(GarmentCategoryListResponse)
    .query(({ ctx }) => listGarmentCategories(ctx.runtime.reference, ctx.caller)),
  garmentCategory: apiKeyProcedure
    .input(z.object({ public_id: z.string().max(64) }))
    .output(GarmentCategoryResponse)
    .query(({ ctx, input }) =>
      getGarmentCategory(ctx.runtime.reference, ctx.caller, input.public_id),
    ),
  specVocabulary: apiKeyProcedure
    .output(SpecVocabularyResponse)
    .query(({ ctx }) => getSpecVocabulary(ctx.caller)),
  imageModels: apiKeyProcedure
    .output(ImageModelListResponse)
    .query(({ ctx }) => listImageModels(ctx.runtime.imageModels, ctx.caller)),
});
