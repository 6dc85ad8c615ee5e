import { ComplementaryGarmentGeneratorRequest, WorkflowAcceptedResponse } from "@garment/schemas";
import { z } from "zod";
import { dispatchComplementaryGarment } from "../../services/dispatch/dispatch-complementary-garment";
import { apiKeyProcedure, router } from "../init";

export const complementaryGarmentRouter = router({
  /** The tRPC twin of POST /v1/complementary-garment-generator (same service, same schema). */
  dispatch: apiKeyProcedure
    .input(ComplementaryGarmentGeneratorRequest)
    .output(WorkflowAcceptedResponse.extend({ replayed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { runtime } = ctx;
      const { response, replayed } = await dispatchComplementaryGarment(
        {
          ...runtime,
          isImageModelAvailable: (id) => runtime.imageModels.isAvailable(id),
          defaultImageModelId: runtime.imageModels.defaultModelId,
        },
        {
          requestId: ctx.callRequestId,
          caller: ctx.caller,
          transport: "trpc",
          method: "POST",
          path: "trpc/complementaryGarment.dispatch",
          idempotencyKey: ctx.headers.get("idempotency-key"),
        },
        input,
      );
      return { ...response, replayed };
    }),
});
